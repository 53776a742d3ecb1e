/**
 * SQL of a dimension over a unit relation. Attribute dimensions are columns of
 * every relation; the derived ones are computed from the unit:
 * - `hour_of_week`: `<ISO weekday 1–7>-<hour 00–23>` of the start instant on the
 *   platform's wall clock (the phone page's hour-of-week heatmap);
 * - `wait_band`: the queue wait of a call in the bands below, NULL while the call
 *   is still waiting at as_of (its wait is not known yet) or never queued.
 */
import { BadParameter } from '../http/errors.ts';
import type { Dimension } from './metric-types.ts';
import { localMicros } from './periods.ts';

/** Wait bands in seconds, [lo, hi); labels are the API values. 20 s is the default answer target. */
export const WAIT_BANDS: readonly { key: string; lo: number; hi: number | null }[] = [
  { key: '0-10', lo: 0, hi: 10 },
  { key: '10-20', lo: 10, hi: 20 },
  { key: '20-30', lo: 20, hi: 30 },
  { key: '30-60', lo: 30, hi: 60 },
  { key: '60-120', lo: 60, hi: 120 },
  { key: '120-300', lo: 120, hi: 300 },
  { key: '300+', lo: 300, hi: null },
];

/** The band CASE over a wait column (seconds). */
export function waitBandSql(wait: string): string {
  const arms = WAIT_BANDS.map((b) => (b.hi === null ? `WHEN ${wait} >= ${b.lo} THEN '${b.key}'` : `WHEN ${wait} < ${b.hi} THEN '${b.key}'`));
  return `CASE WHEN ${wait} IS NULL OR ${wait} < 0 THEN NULL ${arms.join(' ')} END`;
}

/** SQL of `dim` for a relation with `start_at` (and, for calls, `wait_band`). */
export function dimensionSql(dim: Dimension, timeZone: string, fixedOffsetMs: number | null): string {
  if (dim !== 'hour_of_week') return dim;
  const l = localMicros('start_at', timeZone, fixedOffsetMs);
  // Day 0 (1970-01-01) was a Thursday: ISO weekday = (day + 3) mod 7 + 1. Data is after 1970, so % is a true modulo.
  return `(((${l} // 86400000000 + 3) % 7 + 1)::VARCHAR || '-' || lpad(((${l} // 3600000000) % 24)::VARCHAR, 2, '0'))`;
}

const HOUR_OF_WEEK = /^[1-7]-(?:[01]\d|2[0-3])$/;

/** Refuses a filter value a derived dimension can never take (a typo would silently match nothing). */
export function checkDimensionValue(dim: Dimension, value: string): void {
  if (dim === 'hour_of_week' && !HOUR_OF_WEEK.test(value)) {
    throw new BadParameter(dim, `${JSON.stringify(value)}: expected <ISO weekday 1-7>-<hour 00-23>, e.g. 1-09 for Monday 09:00`);
  }
  if (dim === 'wait_band' && !WAIT_BANDS.some((b) => b.key === value)) {
    throw new BadParameter(dim, `${JSON.stringify(value)}: expected one of ${WAIT_BANDS.map((b) => b.key).join(', ')}`);
  }
}
