/**
 * Builds the metric snapshots (snapshot-validity.ts says when they answer): per
 * unit family, its relation evaluated as of the horizon W over every unit,
 * stored as
 *
 * - `snap_<family>`: every unit's row (rowColumns) and `__open`, true when some
 *   state is pending at W (those are computed live by every read);
 * - `snap_<family>_open`: the keys of the open units (a small table: the live
 *   SQL's restriction);
 * - `snap_<family>_roll`: the settled rows counted per hour bucket of start_at ×
 *   rollup dimensions × states, with the sums of summed values (summaries and
 *   series read whole buckets here, only the ragged edges from rows).
 *
 * It holds the writer throughout: no load, facts refresh or settings change can
 * interleave, so the rows, the recorded facts generation and the fingerprint
 * describe one state of the data. Readers keep reading the previous tables
 * (DuckDB's MVCC) until each family's swap commits.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../../db/run-sql.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { loadBuildContext } from '../build-context.ts';
import { findMetric } from '../metric-definitions.ts';
import { FAMILIES } from '../units/families.ts';
import type { FamilyName, UnitFamily } from '../units/unit-family.ts';
import { BUCKET_US, openTableOf, rollupDimensions, rollupTableOf, rollupValues, rowColumns, stateColumns, sumColumn, tableOf } from './snapshot-shape.ts';
import { fingerprint, HORIZON_SQL, readDataState } from './snapshot-validity.ts';

export interface FamilySnapshotFigures {
  family: FamilyName;
  settled: number;
  open: number;
  rollupRows: number;
  ms: number;
}

export interface SnapshotBuild {
  /** Why nothing was built, when nothing was. */
  skipped?: 'facts_pending' | 'no_data';
  horizon: Date | null;
  families: FamilySnapshotFigures[];
  ms: number;
}

const isSummed = (id: string) => ['sum', 'mean'].includes(findMetric(id)?.shape ?? '');
const q = (s: string) => `"${s}"`;

/** Builds every family's snapshot; the server runs it after each facts refresh (snapshot-refresher.ts). */
export function buildSnapshots(wh: Warehouse, timeZone: string): Promise<SnapshotBuild> {
  return wh.withWriter((c) => buildOn(wh, c, timeZone));
}

async function buildOn(wh: Warehouse, c: DuckDBConnection, timeZone: string): Promise<SnapshotBuild> {
  const t0 = performance.now();
  const state = await readDataState(wh);
  if (state.pending > 0) return { skipped: 'facts_pending', horizon: null, families: [], ms: performance.now() - t0 };
  const [h] = await runQuery<{ horizon: Date | null }>(c, HORIZON_SQL);
  const horizon = h?.horizon ?? null;
  if (!horizon) {
    await dropAll(c);
    return { skipped: 'no_data', horizon: null, families: [], ms: performance.now() - t0 };
  }
  // Every unit starts at or before W, so [1970, W + 1 s) holds them all (the data is after 1970).
  const ctx = await loadBuildContext(wh, {
    from: new Date(0),
    to: new Date(horizon.getTime() + 1000),
    asOf: horizon,
    timeZone,
    filters: {},
  });
  const families: FamilySnapshotFigures[] = [];
  for (const f of FAMILIES) {
    const t = performance.now();
    const rel = f.build(ctx);
    const open = stateColumns(f).map((s) => `${s} = 3`).join(' OR ');
    const next = `${tableOf(f)}__next`;
    await c.run(`CREATE OR REPLACE TABLE ${next} AS WITH ${rel.ctes.join(',\n')}
      SELECT ${rowColumns(f).join(', ')}, coalesce(${open}, false) AS __open FROM ${rel.relation}`);
    const figures = await inTransaction(c, async () => {
      await c.run(`DROP TABLE IF EXISTS ${tableOf(f)}`);
      await c.run(`ALTER TABLE ${next} RENAME TO ${tableOf(f)}`);
      await c.run(`CREATE OR REPLACE TABLE ${openTableOf(f)} AS SELECT kind, id, seq, start_at FROM ${tableOf(f)} WHERE __open`);
      await c.run(rollupSql(f));
      const [n] = await runQuery<{ settled: number; open: number; roll: number; open_min: Date | null }>(
        c,
        `SELECT (SELECT count(*) FROM ${tableOf(f)} WHERE NOT __open) AS settled, (SELECT count(*) FROM ${openTableOf(f)}) AS open,
           (SELECT min(start_at) FROM ${openTableOf(f)}) AS open_min, (SELECT count(*) FROM ${rollupTableOf(f)}) AS roll`,
      );
      const fig = { family: f.name, settled: Number(n!.settled), open: Number(n!.open), rollupRows: Number(n!.roll), ms: performance.now() - t };
      await c.run('DELETE FROM metric_snapshots WHERE family = $1', [f.name]);
      await c.run(
        `INSERT INTO metric_snapshots (family, facts_generation, fingerprint, horizon, settled_units, open_units, open_min_start, rollup_rows, build_ms, built_at)
         VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5, $6, $7::TIMESTAMPTZ, $8, $9, current_timestamp)`,
        [f.name, state.generation, fingerprint(ctx, f, state), horizon.toISOString(), fig.settled, fig.open, n!.open_min?.toISOString() ?? null, fig.rollupRows, fig.ms],
      );
      return fig;
    });
    families.push(figures);
  }
  return { horizon, families, ms: performance.now() - t0 };
}

/** The settled rows per hour bucket, rollup dimensions and states. */
function rollupSql(f: UnitFamily): string {
  const dims = rollupDimensions(f);
  const states = stateColumns(f);
  const sums = rollupValues(f, isSummed).map((v) => `, sum(${v}) AS ${q(sumColumn(v))}`).join('');
  return `CREATE OR REPLACE TABLE ${rollupTableOf(f)} AS
    SELECT to_timestamp((epoch_us(start_at) // ${BUCKET_US}) * ${BUCKET_US / 1_000_000}) AS start_at, ${[...dims, ...states].join(', ')},
      count(*) AS __n${sums}
    FROM ${tableOf(f)} WHERE NOT __open GROUP BY ALL ORDER BY start_at`;
}

async function dropAll(c: DuckDBConnection): Promise<void> {
  await inTransaction(c, async () => {
    for (const f of FAMILIES) for (const t of [tableOf(f), openTableOf(f), rollupTableOf(f)]) await c.run(`DROP TABLE IF EXISTS ${t}`);
    await c.run('DELETE FROM metric_snapshots');
  });
}
