/**
 * The phone page's charts from series responses: each needs one number per
 * group over the whole range (series-totals.ts), keyed the way its chart and
 * the cases filter read it: hour-of-week cells, wait bands, queues.
 */
import type { HourOfWeekCell } from '../../charts/build-hour-of-week-heatmap-options.ts';
import type { SeriesPoint } from '../api-types.ts';
import { totalsByGroup, type Totals } from '../series-totals.ts';

type SeriesLike = { unit: string; series: readonly { group: string | null; points: readonly SeriesPoint[] }[] };

/** API.md `wait_band`, shortest first: `[lo, hi)` seconds, the last open-ended. */
export const WAIT_BANDS = ['0-10', '10-20', '20-30', '30-60', '60-120', '120-300', '300+'] as const;
export type WaitBand = (typeof WAIT_BANDS)[number];

/**
 * The API's `hour_of_week` value of a cell: ISO weekday and two-digit hour.
 *
 * @example hourOfWeekKey(1, 9) // '1-09'
 */
export function hourOfWeekKey(weekday: number, hour: number): string {
  return `${weekday}-${String(hour).padStart(2, '0')}`;
}

/** '3-09' → { weekday: 3, hour: 9 }; null for anything else. */
export function parseHourOfWeek(key: string | null): { weekday: number; hour: number } | null {
  const m = /^([1-7])-([01]\d|2[0-3])$/.exec(key ?? '');
  return m ? { weekday: Number(m[1]), hour: Number(m[2]) } : null;
}

/**
 * A rate grouped by hour_of_week, one heatmap cell per hour that had units;
 * hours that had none are left out (the builder draws them empty).
 */
export function hourOfWeekCells(series: SeriesLike): HourOfWeekCell[] {
  const cells: HourOfWeekCell[] = [];
  for (const [group, t] of totalsByGroup(series, 'rate')) {
    const at = parseHourOfWeek(group);
    if (!at || (t.denominator === 0 && t.pending === 0)) continue;
    cells.push({ ...at, value: t.value, numerator: t.numerator, denominator: t.denominator ?? 0 });
  }
  return cells;
}

export interface WaitDistribution {
  /** Every band in order, zero where no call fell in it. */
  bands: { key: WaitBand; count: number }[];
  /** Units without a band: calls still waiting at as_of (a line failure is never offered). */
  unbanded: number;
}

/**
 * Calls per wait band. `count` reads a count metric's value (offered) or, for
 * answered calls only, a mean's denominator (asa: the answered calls).
 */
export function waitDistribution(series: SeriesLike, count: 'numerator' | 'denominator'): WaitDistribution {
  const totals = totalsByGroup(series, count === 'numerator' ? 'count' : 'mean');
  const n = (t: Totals | undefined) => (t ? ((count === 'numerator' ? t.numerator : t.denominator) ?? 0) : 0);
  let unbanded = 0;
  for (const [group, t] of totals) if (!(WAIT_BANDS as readonly (string | null)[]).includes(group)) unbanded += n(t);
  return { bands: WAIT_BANDS.map((key) => ({ key, count: n(totals.get(key)) })), unbanded };
}

export interface QueueLevel extends Totals {
  queue: string;
}

/**
 * Service level per queue, busiest queue first (then by name), so the queues
 * that carry the most calls lead. Queues with nothing offered and nothing
 * pending are left out; so are calls without a queue, which no filter can open.
 */
export function queueLevels(series: SeriesLike): QueueLevel[] {
  return [...totalsByGroup(series, 'rate')]
    .filter((e): e is [string, Totals] => e[0] !== null && ((e[1].denominator ?? 0) > 0 || e[1].pending > 0))
    .map(([queue, t]) => ({ queue, ...t }))
    .sort((a, b) => (b.denominator ?? 0) - (a.denominator ?? 0) || a.queue.localeCompare(b.queue));
}
