/**
 * How a metric request reads a family's units: live (the family's SQL), or from
 * a usable snapshot (snapshot-validity.ts) as the stored settled rows, the stored
 * open rows that still hold at as_of (before their `__until`), and the family's
 * SQL over the other open units only, reading copies of their input rows:
 * together the rows the live SQL would give. For aggregates the whole hour
 * buckets inside the range come from the rollup instead of the settled rows.
 */
import { instantLiteral, type BuildContext } from '../build-context.ts';
import type { Dimension } from '../metric-types.ts';
import type { UnitFamily, UnitRelation } from '../units/unit-family.ts';
import { BUCKET_US, inputTables, openTableOf, rollupDimensions, rollupTableOf, rowColumns, tableOf } from './snapshot-shape.ts';
import type { SnapshotUse } from './snapshot-validity.ts';

const BUCKET_MS = BUCKET_US / 1000;

/** Whole buckets [lo, hi) (SQL instants) that the rollup answers for; `whole` when they are the request's range. */
export interface RollupRange {
  lo: string;
  hi: string;
  whole: boolean;
}

/**
 * The family's unit rows in the request's scope. With `except`, the rows in that
 * range of start instants are left out (the rollup counts them).
 */
export function familyRows(ctx: BuildContext, family: UnitFamily, snapshot: SnapshotUse | undefined, except?: RollupRange): UnitRelation {
  if (!snapshot) return family.build(ctx);
  const cols = rowColumns(family).join(', ');
  const range = `start_at >= ${ctx.from} AND start_at < ${ctx.to}`;
  // Stored rows start at or before the horizon, so at or before as_of: only the range applies.
  // Settled rows, outside the rollup's hours (none when they cover the range) ...
  const settled = !except
    ? [`SELECT ${cols} FROM ${tableOf(family)} WHERE ${range} AND NOT __open`]
    : except.whole ? [] : [`SELECT ${cols} FROM ${tableOf(family)} WHERE ${range} AND NOT __open AND (start_at < ${except.lo} OR start_at >= ${except.hi})`];
  // ... and open ones whose row still holds at as_of, from the small table of open rows.
  const stored = [...settled, `SELECT ${cols} FROM ${openTableOf(family)} WHERE ${range} AND __until > ${ctx.asOf}`].join('\n        UNION ALL ');
  const openFrom = snapshot.openFrom;
  if (!openFrom || openFrom.getTime() >= ctx.scope.to.getTime()) return { ctes: [`__rows AS (${stored})`], relation: '__rows' };
  // The open units are computed live, over the part of the range where they start, from
  // copies of their input rows (made by the build, exact while the snapshot is current).
  const from = new Date(Math.max(ctx.scope.from.getTime(), openFrom.getTime()));
  const keys = `(SELECT kind, id, seq FROM ${openTableOf(family)} WHERE NOT coalesce(__until > ${ctx.asOf}, false))`;
  const live = family.build({ ...ctx, from: instantLiteral(from), scope: { ...ctx.scope, from } }, { keys, tables: inputTables(family) });
  return {
    ctes: [...live.ctes, `__rows AS (${stored}\n        UNION ALL SELECT ${cols} FROM ${live.relation})`],
    relation: '__rows',
  };
}

const instant = (ms: number) => `TIMESTAMPTZ '${new Date(ms).toISOString()}'`;

/**
 * The rollup's part of an aggregate over the scope, or null when it cannot serve:
 * a dimension (filter or group) it does not keep, or period keys or hours of the
 * week on a zone whose offset over the range is not whole hours (a bucket would
 * straddle a local period), or no whole bucket in the range.
 */
export function rollupRange(ctx: BuildContext, family: UnitFamily, dims: readonly Dimension[], keyed: boolean): RollupRange | null {
  const kept = new Set<string>(rollupDimensions(family));
  const wholeHours = ctx.fixedOffsetMs !== null && ctx.fixedOffsetMs % BUCKET_MS === 0;
  for (const d of dims) {
    if (d === 'hour_of_week' ? !wholeHours : !kept.has(d)) return null;
  }
  if (keyed && !wholeHours) return null;
  const lo = Math.ceil(ctx.scope.from.getTime() / BUCKET_MS) * BUCKET_MS;
  const hi = Math.floor(ctx.scope.to.getTime() / BUCKET_MS) * BUCKET_MS;
  return lo < hi ? { lo: instant(lo), hi: instant(hi), whole: lo === ctx.scope.from.getTime() && hi === ctx.scope.to.getTime() } : null;
}

/** The rollup rows of the range, for the grouped step (columns: start_at = bucket start, dimensions, states, __n, sums). */
export function rollupRows(family: UnitFamily, r: RollupRange): string {
  return `(SELECT * FROM ${rollupTableOf(family)} WHERE start_at >= ${r.lo} AND start_at < ${r.hi})`;
}
