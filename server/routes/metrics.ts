/**
 * /api/metrics: the metric definitions (every id of METRICS.md with its name,
 * definition text, version, unit and the settings it uses), for the "how is this
 * computed" panel beside every number. Any valid token (viewer and up).
 */
import { Hono } from 'hono';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { METRICS } from '../metrics/metric-definitions.ts';

export function metricRoutes(deps: { verify: TokenVerifier }) {
  return new Hono<AppEnv>()
    .use('*', requireToken({ verify: deps.verify, role: 'viewer' }))
    .get('/definitions', (c) => c.json({ metrics: METRICS }));
}
