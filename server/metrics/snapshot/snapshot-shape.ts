/**
 * What a family's snapshot stores: the columns of its unit rows that any metric
 * route reads (standard columns, the family's extra dimensions, and each metric's
 * state, value, deadline and stop), and the shape of its hourly rollup.
 */
import type { UnitFamily } from '../units/unit-family.ts';

/** Columns every unit relation has (unit-family.ts). */
export const STANDARD_COLUMNS = ['kind', 'id', 'seq', 'start_at', 'channel', 'queue', 'priority', 'category', 'agent', 'source', 'customer_key', 'order_id'] as const;

/**
 * Dimensions the rollup groups by (agent is left to the rows: hundreds of values
 * would multiply the rollup's size for a filter few requests use).
 */
export const ROLLUP_DIMENSIONS = ['channel', 'queue', 'priority', 'category', 'source'] as const;

/** Rollup buckets: one hour of start instants, aligned on the epoch (so on every whole-hour zone's periods). */
export const BUCKET_US = 3_600_000_000;

export const tableOf = (f: UnitFamily) => `snap_${f.name}`;
export const openTableOf = (f: UnitFamily) => `snap_${f.name}_open`;
export const rollupTableOf = (f: UnitFamily) => `snap_${f.name}_roll`;
/** Copy of input table `table` holding the rows the family's open units read (UnitFamily.inputsOf). */
export const inputTableOf = (f: UnitFamily, table: string) => `snap_${f.name}_in_${table}`;

/** The family's input copies, as a Restriction's tables. */
export function inputTables(f: UnitFamily): Record<string, string> {
  return Object.fromEntries(Object.keys(f.inputsOf('keys')).map((t) => [t, inputTableOf(f, t)]));
}

const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/** The stored row columns, in order. */
export function rowColumns(f: UnitFamily): string[] {
  const metricCols = Object.values(f.metrics).flatMap((m) => [m.state, m.value, m.deadline, m.stop]);
  return uniq([...STANDARD_COLUMNS, ...f.extraDimensions, ...metricCols]);
}

/**
 * `__until` of a unit row: for a unit pending at the horizon, the earliest
 * decidedBy instant of its pending states, before which the stored row holds;
 * NULL when a pending state has no decidedBy (computed live at every read).
 */
export function untilSql(f: UnitFamily): string {
  const metrics = Object.values(f.metrics);
  const unknown = metrics.filter((m) => !m.decidedBy).map((m) => `${m.state} = 3`);
  const known = metrics.filter((m) => m.decidedBy).map((m) => `CASE WHEN ${m.state} = 3 THEN ${m.decidedBy} END`);
  const least = known.length ? `least(${known.join(', ')})` : 'NULL::TIMESTAMPTZ';
  return unknown.length ? `CASE WHEN coalesce(${unknown.join(' OR ')}, false) THEN NULL::TIMESTAMPTZ ELSE ${least} END` : least;
}

/** The state columns of the family's metrics. */
export function stateColumns(f: UnitFamily): string[] {
  return uniq(Object.values(f.metrics).map((m) => m.state));
}

/** Dimensions the rollup keeps for this family. */
export function rollupDimensions(f: UnitFamily): string[] {
  return [...ROLLUP_DIMENSIONS, ...f.extraDimensions];
}

/** Value columns summed in the rollup (the sum and mean metrics' values; percentiles read rows). */
export function rollupValues(f: UnitFamily, isSummed: (metricId: string) => boolean): string[] {
  return uniq(Object.entries(f.metrics).filter(([id]) => isSummed(id)).map(([, m]) => m.value));
}

/** Name of a rollup's sum column of `value` (the engine's grouped step uses the same name). */
export const sumColumn = (value: string) => `__sum.${value}`;
