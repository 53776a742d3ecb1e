/**
 * When a stored snapshot may answer for the live SQL. A family's snapshot rows
 * are its units evaluated as of the horizon W, the latest event instant in the
 * data; a unit with no pending state at W keeps every column for any as_of ≥ W
 * (every event is then seen, and a decided state never changes: the "decided
 * early" rule of server/metrics/README.md), so for such requests the stored row
 * is the row the live SQL would compute; a unit pending at W keeps its row until
 * its `__until` where its metrics say when they can change (untilSql). It holds
 * only while what the row was computed from is unchanged:
 *
 * - the facts and core tables: no load waiting for its facts refresh, and the
 *   facts generation (bumped by every refresh) is the one the snapshot was built at;
 * - the policies, calendars and the code: the fingerprint, a digest of the
 *   family's SQL built for a canonical scope (it inlines the policy versions and
 *   settings, and is the code's own text), of the stored layout (columns,
 *   __until, rollup dimensions, SNAPSHOT_FORMAT) and of the policy and calendar
 *   rows the SQL joins at run time, plus the schema version.
 *
 * Anything else (as_of before W, a snapshot being rebuilt) reads live.
 */
import { createHash } from 'node:crypto';
import type { Warehouse } from '../../db/warehouse.ts';
import type { BuildContext } from '../build-context.ts';
import type { FamilyName, UnitFamily } from '../units/unit-family.ts';
import { inputTables, rollupDimensions, rowColumns, untilSql } from './snapshot-shape.ts';

/**
 * The layout of the snapshot tables (build-snapshot.ts): part of every fingerprint,
 * so a snapshot built by other code is rebuilt rather than read. Bump it when the
 * tables change shape or meaning in a way the digested SQL and columns do not show.
 */
export const SNAPSHOT_FORMAT = 1;

/**
 * Instants in the data that the metric SQL compares with as_of, directly or
 * through the facts derived from them (fact_contacts adds the derived ones: a
 * call's answer and end). Not here: deadlines (complaints.deadline_at), which are
 * compared with as_of only as deadlines. test/metrics/snapshot.test.ts checks that
 * every TIMESTAMPTZ column of these tables is listed or excluded.
 */
export const EVENT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  calls: ['started_at', 'callback_requested_at', 'callback_at'],
  ticket_events: ['event_at'],
  complaints: ['received_at', 'first_response_at', 'closed_at'],
  fact_contacts: ['started_at', 'first_response_at', 'resolved_at', 'next_related_at', 'reopened_at'],
};
export const NOT_EVENT_COLUMNS: Readonly<Record<string, readonly string[]>> = { complaints: ['deadline_at'] };

/** The horizon W: the latest event instant (NULL on an empty warehouse). */
export const HORIZON_SQL = `SELECT greatest(${Object.entries(EVENT_COLUMNS)
  .map(([t, cols]) => `(SELECT max(greatest(${cols.join(', ')})) FROM ${t})`)
  .join(', ')}) AS horizon`;

/** Policy and calendar rows the families' SQL joins at run time (the rest is inlined in the SQL text). */
const JOINED_TABLES = ['policy_sla_targets', 'policy_complaint_deadlines', 'calendars', 'calendar_days'];

/**
 * What the current data is, for comparing with a snapshot's record, as (k, v)
 * rows: 4 ms, where the same values as scalar subqueries of one row took 20.
 * A table's digest is its row count and the sum of its rows' hashes.
 */
const STATE_SQL = [
  `SELECT 'generation' AS k, generation::VARCHAR AS v FROM facts_generation`,
  `SELECT 'pending', ((SELECT count(*) FROM facts_dirty_runs) + (SELECT count(*) FROM facts_dirty_keys) + (SELECT count(*) FROM facts_dirty_tickets))::VARCHAR`,
  `SELECT 'schema', max(version)::VARCHAR FROM schema_migrations`,
  ...JOINED_TABLES.map((t) => `SELECT '${t}', count(*) || ':' || coalesce(sum(hash(x)::HUGEINT), 0) FROM ${t} x`),
].join('\nUNION ALL ');

/** Canonical instants for the fingerprint's SQL (any fixed values would do). */
const CANONICAL = { from: "TIMESTAMPTZ '1970-01-01T00:00:00Z'", to: "TIMESTAMPTZ '2200-01-01T00:00:00Z'", asOf: "TIMESTAMPTZ '2200-01-01T00:00:00Z'" };

export interface DataState {
  generation: number;
  pending: number;
  tables: string;
}

export async function readDataState(wh: Warehouse): Promise<DataState> {
  const rows = await wh.query<{ k: string; v: string }>(STATE_SQL);
  const v = (k: string) => rows.find((r) => r.k === k)?.v ?? '';
  return {
    generation: Number(v('generation')),
    pending: Number(v('pending')),
    tables: ['schema', ...JOINED_TABLES].map((k) => `${k}=${v(k)}`).join('|'),
  };
}

/** The family's fingerprint under the request's policies and calendars (ctx) and the joined rows (state.tables). */
export function fingerprint(ctx: BuildContext, family: UnitFamily, state: DataState): string {
  const canonical: BuildContext = {
    ...ctx,
    ...CANONICAL,
    scope: { ...ctx.scope, from: new Date('1970-01-01T00:00:00Z'), to: new Date('2200-01-01T00:00:00Z'), asOf: new Date('2200-01-01T00:00:00Z'), filters: {} },
  };
  const r = family.build(canonical, { keys: 'snapshot_keys', tables: inputTables(family) });
  return createHash('sha256')
    .update(`format ${SNAPSHOT_FORMAT}\n${rowColumns(family).join(',')}\n${untilSql(family)}\n${rollupDimensions(family).join(',')}\n`)
    .update(r.ctes.join('\n'))
    .update(r.relation)
    .update(state.tables)
    .digest('hex');
}

export interface SnapshotRecord {
  family: FamilyName;
  facts_generation: number;
  fingerprint: string;
  horizon: Date;
  settled_units: number;
  open_units: number;
  /** The earliest start of an open unit (the live part reads from there), NULL when none is open. */
  open_min_start: Date | null;
  rollup_rows: number;
  build_ms: number;
  built_at: Date;
}

export async function readSnapshotRecords(wh: Warehouse): Promise<SnapshotRecord[]> {
  return wh.query<SnapshotRecord & Record<string, unknown>>('SELECT * FROM metric_snapshots');
}

/** What a request needs to know of the snapshots, read beside its build context. */
export interface SnapshotState {
  data: DataState;
  records: SnapshotRecord[];
}

export async function readSnapshotState(wh: Warehouse): Promise<SnapshotState> {
  const [data, records] = await Promise.all([readDataState(wh), readSnapshotRecords(wh)]);
  return { data, records };
}

/** How a request reads a family from its snapshot: stored rows, plus live the open units starting at or after openFrom. */
export interface SnapshotUse {
  openFrom: Date | null;
}

export type Snapshots = ReadonlyMap<FamilyName, SnapshotUse>;

/**
 * Whether a family's record was built from the facts as they are and under the
 * fingerprint `fp` (the family's now); loads waiting for their facts are checked
 * apart (DataState.pending).
 */
export function isCurrent(rec: SnapshotRecord | undefined, data: DataState, fp: string): rec is SnapshotRecord {
  return !!rec && Number(rec.facts_generation) === data.generation && rec.fingerprint === fp;
}

/**
 * The families whose snapshot answers for this request's live SQL: current (see
 * the header) and with as_of at or after the horizon.
 */
export function usableSnapshots(ctx: BuildContext, state: SnapshotState, families: readonly UnitFamily[]): Snapshots {
  const out = new Map<FamilyName, SnapshotUse>();
  if (state.data.pending > 0) return out;
  for (const f of families) {
    const rec = state.records.find((r) => r.family === f.name);
    if (!rec || ctx.scope.asOf.getTime() < rec.horizon.getTime()) continue;
    if (isCurrent(rec, state.data, fingerprint(ctx, f, state.data))) out.set(f.name, { openFrom: rec.open_min_start });
  }
  return out;
}
