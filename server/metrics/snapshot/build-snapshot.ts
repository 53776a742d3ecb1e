/**
 * Builds the metric snapshots (snapshot-validity.ts says when they answer): per
 * unit family, its relation evaluated as of the horizon W, stored as
 *
 * - `snap_<family>`: every unit's row (rowColumns), `__open`, true when some
 *   state is pending at W, and for those `__until` (untilSql), the instant before
 *   which the row holds (reads compute the open units live from then on, or
 *   always when it is NULL);
 * - `snap_<family>_open`: the rows of the open units again (a small table: reads
 *   take the stored ones still holding and restrict the live SQL to the others),
 *   and `snap_<family>_in_<table>`, copies of the input rows they read
 *   (UnitFamily.inputsOf);
 * - `snap_<family>_roll`: the settled rows counted per hour bucket of start_at ×
 *   rollup dimensions × states, with the sums of summed values (summaries and
 *   series read whole buckets here, only the ragged edges from rows).
 *
 * A family is built in full the first time, or when its fingerprint changed (a
 * policy, a calendar, the code). Otherwise, after facts refreshes, only its
 * units whose inputs were recomputed (snapshot_dirty_keys / _tickets, through
 * the family's touchedUnits) and the units open at the last build are evaluated
 * again, as of the new horizon, and swapped in; the rollup follows by the
 * difference. A stored settled row whose inputs did not change is still right:
 * it holds for every as_of at or after the old horizon, so after the new one.
 *
 * It holds the writer throughout: no load, facts refresh or settings change can
 * interleave, so the rows, the recorded facts generation and the fingerprint
 * describe one state of the data. Readers keep reading the previous tables
 * (DuckDB's MVCC) until each family's swap commits.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../../db/run-sql.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { loadBuildContext, type BuildContext } from '../build-context.ts';
import { findMetric } from '../metric-definitions.ts';
import { FAMILIES } from '../units/families.ts';
import type { DirtyTables, FamilyName, UnitFamily } from '../units/unit-family.ts';
import { BUCKET_US, inputTableOf, openTableOf, rollupDimensions, rollupTableOf, rollupValues, rowColumns, stateColumns, sumColumn, tableOf, untilSql } from './snapshot-shape.ts';
import { fingerprint, HORIZON_SQL, isCurrent, readSnapshotState, type DataState, type SnapshotRecord } from './snapshot-validity.ts';

export interface FamilySnapshotFigures {
  family: FamilyName;
  mode: 'full' | 'incremental' | 'current';
  /** Units evaluated by this build (all of them in full mode). */
  evaluated: number;
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

export interface BuildOptions {
  /** Rebuild every family from scratch. */
  full?: boolean;
  /**
   * Past this share of a family's stored units to evaluate again, a full build is
   * cheaper than restricting the family's SQL to a key list and patching the
   * tables (default 0.3; tests raise it to exercise the incremental path on small data).
   */
  incrementalMaxShare?: number;
}

const DIRTY: DirtyTables = { keys: 'snapshot_dirty_keys', tickets: 'snapshot_dirty_tickets', runs: 'snapshot_dirty_runs' };
const isSummed = (id: string) => ['sum', 'mean'].includes(findMetric(id)?.shape ?? '');
const q = (s: string) => `"${s}"`;
const bucketOf = (col: string) => `to_timestamp((epoch_us(${col}) // ${BUCKET_US}) * ${BUCKET_US / 1_000_000})`;

/** Builds or brings up to date every family's snapshot; the server runs it after each facts refresh (snapshot-refresher.ts). */
export function buildSnapshots(wh: Warehouse, timeZone: string, opts: BuildOptions = {}): Promise<SnapshotBuild> {
  return wh.withWriter((c) => buildOn(wh, c, timeZone, opts));
}

async function buildOn(wh: Warehouse, c: DuckDBConnection, timeZone: string, opts: BuildOptions): Promise<SnapshotBuild> {
  const t0 = performance.now();
  const { data: state, records } = await readSnapshotState(wh);
  if (state.pending > 0) return { skipped: 'facts_pending', horizon: null, families: [], ms: performance.now() - t0 };
  const [h] = await runQuery<{ horizon: Date | null }>(c, HORIZON_SQL);
  const horizon = h?.horizon ?? null;
  if (!horizon) {
    await dropAll(c);
    return { skipped: 'no_data', horizon: null, families: [], ms: performance.now() - t0 };
  }
  // Every unit starts at or before W, so [1970, W + 1 s) holds them all (the data is after 1970).
  const ctx = await loadBuildContext(wh, { from: new Date(0), to: new Date(horizon.getTime() + 1000), asOf: horizon, timeZone, filters: {} });
  const families: FamilySnapshotFigures[] = [];
  for (const f of FAMILIES) {
    const t = performance.now();
    const rec = records.find((r) => r.family === f.name);
    const fp = fingerprint(ctx, f, state);
    const b = { c, ctx, f, state, fp, horizon, t };
    if (!opts.full && isCurrent(rec, state, fp)) {
      families.push({ family: f.name, mode: 'current', evaluated: 0, settled: Number(rec.settled_units), open: Number(rec.open_units), rollupRows: Number(rec.rollup_rows), ms: 0 });
      continue;
    }
    const incremental = !opts.full && rec && rec.fingerprint === fp ? await incrementalBuild(b, rec, opts.incrementalMaxShare ?? 0.3) : null;
    families.push(incremental ?? (await fullBuild(b)));
  }
  // Every family is current now: what the refreshes recorded has been taken up.
  await inTransaction(c, async () => {
    for (const t of Object.values(DIRTY)) await c.run(`DELETE FROM ${t}`);
  });
  return { horizon, families, ms: performance.now() - t0 };
}

interface FamilyBuild {
  c: DuckDBConnection;
  ctx: BuildContext;
  f: UnitFamily;
  state: DataState;
  fp: string;
  horizon: Date;
  t: number;
}

/** The family's rows (of the units in table `only`, or all) with `__open` and `__until`, into `table` (a temporary one with `temp`). */
async function evaluateInto(b: FamilyBuild, table: string, opts: { only?: string; temp?: boolean } = {}): Promise<void> {
  const rel = b.f.build(b.ctx, opts.only ? { keys: opts.only } : undefined);
  const open = stateColumns(b.f).map((s) => `${s} = 3`).join(' OR ');
  await b.c.run(`CREATE OR REPLACE ${opts.temp ? 'TEMP ' : ''}TABLE ${table} AS WITH ${rel.ctes.join(',\n')}
    SELECT ${rowColumns(b.f).join(', ')}, coalesce(${open}, false) AS __open,
      CASE WHEN coalesce(${open}, false) THEN ${untilSql(b.f)} END AS __until FROM ${rel.relation}`);
}

async function fullBuild(b: FamilyBuild): Promise<FamilySnapshotFigures> {
  const { c, f } = b;
  const next = `${tableOf(f)}__next`;
  await evaluateInto(b, next);
  return inTransaction(c, async () => {
    await c.run(`DROP TABLE IF EXISTS ${tableOf(f)}`);
    await c.run(`ALTER TABLE ${next} RENAME TO ${tableOf(f)}`);
    await c.run(`CREATE OR REPLACE TABLE ${rollupTableOf(f)} AS ${rollupSelect(f, `(SELECT * FROM ${tableOf(f)} WHERE NOT __open)`)} ORDER BY start_at`);
    return finish(b, 'full', -1);
  });
}

/** Null when too much changed (then the caller builds in full). */
async function incrementalBuild(b: FamilyBuild, rec: SnapshotRecord, maxShare: number): Promise<FamilySnapshotFigures | null> {
  const { c, f } = b;
  // The units to evaluate again: those open at the last build, and those whose inputs a
  // refresh recomputed, as stored (a unit retracted since, or under an old key) and as now.
  const touched = f.touched(DIRTY);
  await c.run(`CREATE OR REPLACE TEMP TABLE snap_keys AS SELECT DISTINCT kind, id, seq FROM (
      SELECT kind, id, seq FROM ${tableOf(f)} WHERE __open OR (${touched.stored})
      UNION ALL ${touched.units})`);
  const [n] = await runQuery<{ n: number }>(c, 'SELECT count(*) AS n FROM snap_keys');
  const evaluated = Number(n!.n);
  if (evaluated > maxShare * (Number(rec.settled_units) + Number(rec.open_units))) {
    await c.run('DROP TABLE temp.snap_keys');
    return null;
  }
  try {
    await evaluateInto(b, 'snap_new', { only: 'temp.snap_keys', temp: true });
    const keyed = `(kind, id, seq) IN (SELECT (kind, id, seq) FROM temp.snap_keys)`;
    return await inTransaction(c, async () => {
      await patchRollup(c, f, keyed);
      await c.run(`DELETE FROM ${tableOf(f)} WHERE ${keyed}`);
      await c.run(`INSERT INTO ${tableOf(f)} SELECT * FROM temp.snap_new`);
      return finish(b, 'incremental', evaluated);
    });
  } finally {
    await c.run('DROP TABLE IF EXISTS temp.snap_keys');
    await c.run('DROP TABLE IF EXISTS temp.snap_new');
  }
}

/**
 * The rollup after replacing the stored rows of `keyed` by temp.snap_new (run
 * before the rows change). Counts, and sums of exact (DECIMAL, integer) values,
 * follow by the difference: minus the old rows' groups, plus the new ones'. A
 * DOUBLE sum would drift by rounding that way, so a family with one has the
 * buckets that any old or new row falls in aggregated again from the rows.
 */
async function patchRollup(c: DuckDBConnection, f: UnitFamily, keyed: string): Promise<void> {
  const roll = rollupTableOf(f);
  const sums = rollupValues(f, isSummed);
  const types = await runQuery<{ data_type: string }>(
    c,
    `SELECT data_type FROM information_schema.columns WHERE table_name = '${tableOf(f)}' AND list_contains(${`[${sums.map((s) => `'${s}'`).join(', ')}]::VARCHAR[]`}, column_name)`,
  );
  const exact = types.every((t) => /^(DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER)/.test(t.data_type));
  const oldRows = `(SELECT * FROM ${tableOf(f)} WHERE NOT __open AND ${keyed})`;
  const newRows = '(SELECT * FROM temp.snap_new WHERE NOT __open)';
  const cols = [...rollupDimensions(f), ...stateColumns(f)];
  if (exact) {
    const negated = `SELECT start_at, ${cols.join(', ')}, -__n AS __n${sums.map((v) => `, -${q(sumColumn(v))} AS ${q(sumColumn(v))}`).join('')} FROM (${rollupSelect(f, oldRows)})`;
    await c.run(`CREATE OR REPLACE TABLE ${roll} AS
      SELECT start_at, ${cols.join(', ')}, sum(__n)::BIGINT AS __n${sums.map((v) => `, sum(${q(sumColumn(v))}) AS ${q(sumColumn(v))}`).join('')}
      FROM (SELECT * FROM ${roll} UNION ALL BY NAME ${negated} UNION ALL BY NAME ${rollupSelect(f, newRows)})
      GROUP BY ALL HAVING sum(__n) <> 0 ORDER BY start_at`);
    return;
  }
  await c.run(`CREATE OR REPLACE TEMP TABLE snap_buckets AS SELECT DISTINCT ${bucketOf('start_at')} AS b FROM (SELECT start_at FROM ${oldRows} UNION ALL SELECT start_at FROM ${newRows})`);
  // The rows of those buckets once the swap is done: the stored ones outside `keyed`, and the new ones.
  const after = `(SELECT * FROM ${tableOf(f)} WHERE NOT __open AND NOT ${keyed} UNION ALL SELECT * FROM temp.snap_new WHERE NOT __open)`;
  const regrouped = rollupSelect(f, `(SELECT * FROM ${after} WHERE ${bucketOf('start_at')} IN (SELECT b FROM temp.snap_buckets))`);
  await c.run(`CREATE OR REPLACE TABLE ${roll} AS
    SELECT * FROM (SELECT * FROM ${roll} WHERE start_at NOT IN (SELECT b FROM temp.snap_buckets) UNION ALL BY NAME ${regrouped}) ORDER BY start_at`);
  await c.run('DROP TABLE temp.snap_buckets');
}

/** The open keys, the figures and the record, in the family's swap transaction. */
async function finish(b: FamilyBuild, mode: 'full' | 'incremental', evaluated: number): Promise<FamilySnapshotFigures> {
  const { c, f } = b;
  await c.run(`CREATE OR REPLACE TABLE ${openTableOf(f)} AS SELECT * FROM ${tableOf(f)} WHERE __open ORDER BY start_at`);
  for (const [table, sql] of Object.entries(f.inputsOf(openTableOf(f)))) await c.run(`CREATE OR REPLACE TABLE ${inputTableOf(f, table)} AS ${sql}`);
  const [n] = await runQuery<{ settled: number; open: number; roll: number; open_min: Date | null }>(
    c,
    `SELECT (SELECT count(*) FROM ${tableOf(f)} WHERE NOT __open) AS settled, (SELECT count(*) FROM ${openTableOf(f)}) AS open,
       (SELECT min(start_at) FROM ${openTableOf(f)}) AS open_min, (SELECT count(*) FROM ${rollupTableOf(f)}) AS roll`,
  );
  const settled = Number(n!.settled);
  const open = Number(n!.open);
  const fig: FamilySnapshotFigures = { family: f.name, mode, evaluated: evaluated < 0 ? settled + open : evaluated, settled, open, rollupRows: Number(n!.roll), ms: performance.now() - b.t };
  await c.run('DELETE FROM metric_snapshots WHERE family = $1', [f.name]);
  await c.run(
    `INSERT INTO metric_snapshots (family, facts_generation, fingerprint, horizon, settled_units, open_units, open_min_start, rollup_rows, build_ms, built_at)
     VALUES ($1, $2, $3, $4::TIMESTAMPTZ, $5, $6, $7::TIMESTAMPTZ, $8, $9, current_timestamp)`,
    [f.name, b.state.generation, b.fp, b.horizon.toISOString(), settled, open, n!.open_min?.toISOString() ?? null, fig.rollupRows, fig.ms],
  );
  return fig;
}

/**
 * The rollup groups of `rows` (settled rows of the family). A sum over only NULL
 * values is stored as 0, as the difference would leave it (readers add it to
 * 0 anyway).
 */
function rollupSelect(f: UnitFamily, rows: string): string {
  const sums = rollupValues(f, isSummed).map((v) => `, coalesce(sum(${v}), 0) AS ${q(sumColumn(v))}`).join('');
  return `SELECT ${bucketOf('start_at')} AS start_at, ${[...rollupDimensions(f), ...stateColumns(f)].join(', ')}, count(*) AS __n${sums}
    FROM ${rows} GROUP BY ALL`;
}

async function dropAll(c: DuckDBConnection): Promise<void> {
  await inTransaction(c, async () => {
    for (const f of FAMILIES) {
      const inputs = Object.keys(f.inputsOf('keys')).map((t) => inputTableOf(f, t));
      for (const t of [tableOf(f), openTableOf(f), rollupTableOf(f), ...inputs]) await c.run(`DROP TABLE IF EXISTS ${t}`);
    }
    await c.run('DELETE FROM metric_snapshots');
    for (const t of Object.values(DIRTY)) await c.run(`DELETE FROM ${t}`);
  });
}
