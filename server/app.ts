/**
 * The Hono app: one sub-app per feature under /api, the dashboard at /, errors
 * turned into JSON in one place. `createApp` takes everything it needs, so tests
 * build it over a temporary database and call `app.request()`.
 */
import { Hono } from 'hono';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import type { LoginSessions } from './auth/login-sessions.ts';
import type { TokenVerifier } from './auth/roles.ts';
import type { Warehouse } from './db/warehouse.ts';
import { EtlJobs } from './etl-jobs/etl-jobs.ts';
import type { SnapshotRefresher } from './metrics/snapshot/snapshot-refresher.ts';
import type { AppEnv } from './http/app-env.ts';
import { onApiNotFound, onError } from './http/errors.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { serveWeb } from './http/web-static.ts';
import { authRoutes } from './routes/auth.ts';
import { calendarRoutes } from './routes/calendars.ts';
import { etlRoutes } from './routes/etl.ts';
import { healthRoutes } from './routes/health.ts';
import { caseRoutes } from './routes/cases.ts';
import { metricRoutes } from './routes/metrics.ts';
import { policyRoutes } from './routes/policies.ts';

export interface AppContext {
  wh: Warehouse;
  /** Platform time zone. */
  timeZone: string;
  /** Inbox folder; scans and the demo use it. */
  inbox: string;
  /** Who a bearer token is (the local admin token today). */
  verify: TokenVerifier;
  /** One-time login links for the dashboard (main makes them; tests may). */
  login?: LoginSessions;
  /** The ETL work of this server; made here if not given (tests). */
  jobs?: EtlJobs;
  /** Epoch ms of the start, for uptime; default now. */
  startedAt?: number;
  /** Folder of the built dashboard; default dist/web. */
  webRoot?: string;
  /** Keeps the metric snapshots current (main makes it; without it every read is live). */
  snapshots?: SnapshotRefresher;
}

export function createApp(ctx: AppContext) {
  const jobs = ctx.jobs ?? new EtlJobs(ctx.wh, { inbox: ctx.inbox, timeZone: ctx.timeZone, snapshots: ctx.snapshots });
  const openapi = buildOpenApiDocument();
  const api = new Hono<AppEnv>()
    // A policy or calendar change makes the metric snapshots stale (their fingerprint): rebuild them.
    .use('/settings/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.res.status < 300) ctx.snapshots?.request();
    })
    .route('/auth', authRoutes({ verify: ctx.verify, login: ctx.login }))
    .route('/health', healthRoutes({ wh: ctx.wh, timeZone: ctx.timeZone, startedAt: ctx.startedAt ?? Date.now() }))
    .route('/etl', etlRoutes({ wh: ctx.wh, jobs, verify: ctx.verify }))
    .route('/settings/policies', policyRoutes({ wh: ctx.wh, verify: ctx.verify }))
    .route('/settings/calendars', calendarRoutes({ wh: ctx.wh, verify: ctx.verify }))
    .route('/metrics', metricRoutes({ wh: ctx.wh, verify: ctx.verify, timeZone: ctx.timeZone }))
    .route('/cases', caseRoutes({ wh: ctx.wh, verify: ctx.verify, timeZone: ctx.timeZone }))
    .get('/openapi.json', (c) => c.json(openapi));
  const app = new Hono<AppEnv>()
    // gzip for the dashboard's bundle (the ECharts chunk is 600 kB raw, 200 kB gzip) and
    // JSON; never for NDJSON, whose progress lines must reach the client as they are written.
    .use('*', compress({ contentTypeFilter: (type) => !/ndjson/i.test(type) && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) }))
    .route('/api', api)
    .use('*', serveWeb(ctx.webRoot));
  app.onError(onError);
  app.notFound(onApiNotFound);
  return app;
}

/** The app's type, for a typed client (`hc<AppType>`) in the dashboard. */
export type AppType = ReturnType<typeof createApp>;
