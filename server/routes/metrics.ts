/**
 * /api/metrics: definitions (for the "how is this computed" panels), the summary
 * of every metric and one metric's series. Any valid token (viewer and up):
 * metric values hold no personal data. Contract: server/metrics/API.md.
 */
import { Hono } from 'hono';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { AppEnv } from '../http/app-env.ts';
import { queryOf } from '../http/validate.ts';
import { dimensionValuesQuery, summaryQuery, seriesQuery } from '../metrics/metric-api-schemas.ts';
import { dimensionValues } from '../metrics/dimension-values.ts';
import { METRICS } from '../metrics/metric-definitions.ts';
import { metricSeries, metricSummary } from '../metrics/metric-engine.ts';
import { parseScope, type MetricScope } from '../metrics/metric-scope.ts';
import type { Dimension } from '../metrics/metric-types.ts';

export interface MetricRouteDeps {
  wh: Warehouse;
  verify: TokenVerifier;
  timeZone: string;
}

/** The scope as echoed in every response, so a client can see exactly what was computed. */
export function scopeEcho(s: MetricScope) {
  return { from: s.from.toISOString(), to: s.to.toISOString(), as_of: s.asOf.toISOString(), time_zone: s.timeZone, filters: s.filters };
}

export function metricRoutes(deps: MetricRouteDeps) {
  const { wh, timeZone } = deps;
  return new Hono<AppEnv>()
    .use('*', requireToken({ verify: deps.verify, role: 'viewer' }))
    .get('/definitions', (c) => c.json({ metrics: METRICS }))
    .get('/summary', queryOf(summaryQuery), async (c) => {
      const q = c.req.valid('query');
      const scope = parseScope(q, timeZone, new Date());
      const ids = q.metrics === undefined ? undefined : q.metrics.split(',').map((s) => s.trim()).filter(Boolean);
      return c.json({ ...scopeEcho(scope), metrics: await metricSummary(wh, scope, ids) });
    })
    .get('/dimension-values', queryOf(dimensionValuesQuery), async (c) => {
      const scope = parseScope(c.req.valid('query'), timeZone, new Date());
      return c.json({ ...scopeEcho(scope), ...(await dimensionValues(wh, scope)) });
    })
    .get('/series', queryOf(seriesQuery), async (c) => {
      const q = c.req.valid('query');
      const scope = parseScope(q, timeZone, new Date());
      const series = await metricSeries(wh, scope, { metric: q.metric ?? '', grain: q.grain, groupBy: q.group_by as Dimension | undefined });
      return c.json({ ...scopeEcho(scope), ...series });
    });
}
