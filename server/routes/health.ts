/**
 * GET /api/health: is the server up, and what does its database hold. Open to
 * anyone who can reach the server (it shows counts, no records), so monitors and
 * the CLI can check a server without a token.
 */
import fs from 'node:fs';
import { Hono } from 'hono';
import type { Warehouse } from '../db/warehouse.ts';
import { recentRuns, tableCounts, type RunSummary, type TableCounts } from '../../etl/load/run-log-queries.ts';
import type { AppEnv } from '../http/app-env.ts';
import { snapshotStatus } from '../metrics/snapshot/snapshot-refresher.ts';

export interface HealthBody {
  status: 'ok';
  database: { file: string; bytes: number | null };
  tables: TableCounts;
  lastRun: RunSummary | null;
  timeZone: string;
  uptimeS: number;
  /** Whether the metric snapshots answer for the data as it is now (else metric reads are live, slower), and what they hold. */
  metricSnapshots: { current: boolean; horizon: string | null; builtAt: string | null };
}

/** Bytes on disk: the file and its write-ahead log (a fresh load may still sit there). */
function databaseBytes(file: string): number | null {
  if (file === ':memory:') return null;
  const size = (f: string) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(file) + size(`${file}.wal`);
}

export function healthRoutes(deps: { wh: Warehouse; timeZone: string; startedAt: number }) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const [tables, [lastRun], snapshots] = await Promise.all([tableCounts(deps.wh), recentRuns(deps.wh, 1), snapshotStatus(deps.wh, deps.timeZone)]);
    const body: HealthBody = {
      status: 'ok',
      database: { file: deps.wh.file, bytes: databaseBytes(deps.wh.file) },
      tables,
      lastRun: lastRun ?? null,
      timeZone: deps.timeZone,
      uptimeS: Math.round((Date.now() - deps.startedAt) / 1000),
      metricSnapshots: { current: snapshots.current, horizon: snapshots.horizon, builtAt: snapshots.builtAt },
    };
    return c.json(body);
  });
}
