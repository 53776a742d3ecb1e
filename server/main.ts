/**
 * `npm start`: settings -> database (created if new) -> demo data on an empty
 * one -> derived facts brought up to date (loads the CLI made while no server
 * ran leave markers) -> scheduled inbox scans -> HTTP server -> runtime file for
 * the CLI.
 * SIGINT/SIGTERM shut down in the reverse order, and a load in flight is rolled
 * back and recorded rather than cut off.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { factsPending } from '../etl/facts/refresh-facts.ts';
import { formatFactsLine, formatOutcomeLine, outcomeOfEntry } from '../etl/cli/format-summary.ts';
import type { InboxEntry } from '../etl/inbox/scan-inbox.ts';
import { markInterruptedRuns } from '../etl/load/run-log.ts';
import { createApp } from './app.ts';
import { createLocalAdminToken } from './auth/local-token.ts';
import { anyOf, LoginSessions } from './auth/login-sessions.ts';
import { removeRuntimeFile, writeRuntimeFile } from './config/runtime-file.ts';
import { serverHelp } from './config/settings-help.ts';
import { parseCommandLine, UsageError, type Settings } from './config/settings.ts';
import { DatabaseLockedError, Warehouse } from './db/warehouse.ts';
import { EtlJobs, type FactsRefresh } from './etl-jobs/etl-jobs.ts';
import { SnapshotRefresher } from './metrics/snapshot/snapshot-refresher.ts';
import { scheduleInboxScans, type InboxScheduler } from './etl-jobs/inbox-scheduler.ts';
import { tableCounts } from '../etl/load/run-log-queries.ts';

const DEMO = { days: 90, seed: 1 };

function readSettings(): Settings {
  try {
    const { settings, options, positionals } = parseCommandLine(process.argv.slice(2), process.env);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (options.help) {
      console.log(serverHelp());
      process.exit(0);
    }
    return settings;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n(npm start -- --help lists the settings)`);
    process.exit(2);
  }
}

async function openWarehouse(settings: Settings): Promise<Warehouse> {
  try {
    return await Warehouse.open({ file: settings.db, memoryLimit: settings.memoryLimit });
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) throw err;
    console.error(`The database ${settings.db} is in use by another process (another Support Radar server, or an etl command). Stop it, or start this server with another --db.`);
    process.exit(3);
  }
}

function logEntry(entry: InboxEntry): void {
  console.log(`  ${formatOutcomeLine(outcomeOfEntry(entry))}`);
}

function logFacts(facts: FactsRefresh | null): void {
  if (facts) console.log(formatFactsLine(facts));
}

async function loadDemoIfEmpty(wh: Warehouse, jobs: EtlJobs, settings: Settings): Promise<void> {
  if (!settings.demo) return;
  const t = await tableCounts(wh);
  if (t.calls + t.ticket_events + t.complaints > 0) return;
  console.log(`Empty database: loading ${DEMO.days} days of demo data through ${settings.inbox} (turn off with --no-demo)`);
  try {
    logFacts((await jobs.demo({ ...DEMO, end: new Date(), onEntry: logEntry })).facts);
  } catch (err) {
    // The demo is a convenience: the server is still useful without it.
    if (!jobs.stopping) console.error('demo data could not be generated:', err);
  }
}

/** Loads made while no server ran (the CLI's, or one cut off before its refresh) are not in the facts yet. */
async function refreshPendingFacts(wh: Warehouse, jobs: EtlJobs): Promise<void> {
  try {
    if (await factsPending(wh)) logFacts(await jobs.refreshFacts());
  } catch (err) {
    // The markers stay; the next load's refresh (or POST /api/etl/facts) takes them up.
    if (!jobs.stopping) console.error('derived facts could not be refreshed:', err);
  }
}

/** The URL the CLI and the user should use: a wildcard address is reached on loopback. */
function publicUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/`;
}

function listen(app: ReturnType<typeof createApp>, settings: Settings): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: settings.host, port: settings.port }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const settings = readSettings();
  fs.mkdirSync(path.dirname(path.resolve(settings.db)), { recursive: true });
  const wh = await openWarehouse(settings);
  const interrupted = await markInterruptedRuns(wh.write);
  if (interrupted) console.log(`${interrupted} load(s) interrupted by an earlier stop were marked failed (nothing of them was loaded)`);
  fs.mkdirSync(settings.inbox, { recursive: true });
  const snapshots = new SnapshotRefresher(wh, {
    timeZone: settings.timeZone,
    onBuilt: (b) => b.horizon && console.log(`metric snapshots built in ${(b.ms / 1000).toFixed(1)} s (data up to ${b.horizon.toISOString()})`),
    onError: (err) => console.error('metric snapshots could not be built (reads stay live):', err),
  });
  const jobs = new EtlJobs(wh, { inbox: settings.inbox, timeZone: settings.timeZone, snapshots });
  const admin = createLocalAdminToken();
  const state: Running = { settings, wh, jobs, snapshots };
  onSignals(state);
  await loadDemoIfEmpty(wh, jobs, settings);
  if (jobs.stopping) return;
  await refreshPendingFacts(wh, jobs);
  if (jobs.stopping) return;
  await snapshots.requestIfStale();
  state.scheduler = scheduleInboxScans(jobs, settings.scanIntervalS, (entries, facts) => {
    if (entries.length) console.log(`inbox: ${entries.length} file(s)`);
    entries.forEach(logEntry);
    logFacts(facts);
  });
  let printLink = (_code: string) => {};
  const login = new LoginSessions({ onCode: (code) => printLink(code) });
  const verify = anyOf(admin.verify, login.verify);
  const app = createApp({ wh, timeZone: settings.timeZone, inbox: settings.inbox, verify, login, jobs, startedAt, snapshots });
  const { server, port } = await listen(app, settings).catch((err: NodeJS.ErrnoException) => {
    console.error(`cannot listen on ${settings.host}:${settings.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use; pick another with --port' : err.message}`);
    return shutdown(state, 1);
  });
  state.server = server;
  if (state.stopping) return;
  const url = publicUrl(settings.host, port);
  writeRuntimeFile({ url, pid: process.pid, token: admin.token, db: wh.file });
  console.log(`Support Radar is running at ${url}`);
  // The link works once; each use prints the next one (DESIGN.md "Roles and privacy").
  printLink = (code) => console.log(`Open the dashboard (one-time login link): ${url}?login=${code}`);
  login.issueCode();
}

interface Running {
  settings: Settings;
  wh: Warehouse;
  jobs: EtlJobs;
  snapshots: SnapshotRefresher;
  scheduler?: InboxScheduler;
  server?: ServerType;
  stopping?: boolean;
}

function onSignals(state: Running): void {
  const stop = (signal: NodeJS.Signals) => {
    if (state.stopping) {
      console.error(`${signal} again: exiting now (a load in flight is rolled back by the database)`);
      removeRuntimeFile(state.wh.file);
      process.exit(1);
    }
    console.log(`${signal}: shutting down`);
    void shutdown(state, 0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function closeServer(server: ServerType | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

async function shutdown(state: Running, code: number): Promise<never> {
  state.stopping = true;
  state.scheduler?.stop();
  const closed = closeServer(state.server);
  const finished = await state.jobs.stop(5000);
  if (!finished) console.error('a load did not finish recording within 5 s; it will be marked interrupted at the next start');
  await state.snapshots.stop();
  // Streams of finished loads have ended; whatever is still open is idle or stuck.
  if (state.server && 'closeAllConnections' in state.server) state.server.closeAllConnections();
  await closed;
  // Queries of requests the browser abandoned may still run: interrupt and wait for them.
  if (!(await state.wh.closeWhenIdle(5000))) console.error('database queries did not stop within 5 s; exiting without closing them');
  removeRuntimeFile(state.wh.file);
  process.exit(code);
}

await main();
