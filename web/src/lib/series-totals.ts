/**
 * One number per group over a whole range. GET /api/metrics/series has no
 * "whole range" grain, so a chart that needs one value per group (a heatmap
 * cell, a queue's bar, a matrix cell) asks for a coarse grain and adds up the
 * periods here. The counts are summed and the value is recomputed from the sums
 * (rate = Σ numerator ÷ Σ denominator, mean = Σ seconds ÷ Σ answered): an
 * average of the periods' values would weigh a quiet week like a busy one.
 */
import type { MetricDefinition, SeriesPoint } from './api-types.ts';

/** A range's counts and the value they give; `denominator` is null for counts and sums, which have none. */
export interface Totals {
  numerator: number;
  denominator: number | null;
  pending: number;
  value: number | null;
}

/** Shapes whose value can be rebuilt from summed counts; a percentile cannot (it needs the units themselves). */
export type SummableShape = Exclude<MetricDefinition['shape'], 'percentile'>;

/** `complaint_rate` is per 1,000 contacts (API.md "Values by shape"); every other rate is a fraction. */
const SCALE: Record<string, number> = { per_1000: 1000 };

/**
 * The points of one series, summed.
 *
 * @example
 * sumPoints([{ period: '2026-10', value: 0.5, numerator: 1, denominator: 2, pending: 1 },
 *            { period: '2026-11', value: 1, numerator: 2, denominator: 2, pending: 0 }], 'rate')
 * // { numerator: 3, denominator: 4, pending: 1, value: 0.75 }
 */
export function sumPoints(points: readonly SeriesPoint[], shape: SummableShape, unit = 'ratio'): Totals {
  let numerator = 0;
  let denominator = 0;
  let pending = 0;
  for (const p of points) {
    numerator += p.numerator ?? 0;
    denominator += p.denominator ?? 0;
    pending += p.pending;
  }
  if (shape === 'count' || shape === 'sum') return { numerator, denominator: null, pending, value: numerator };
  const scale = shape === 'rate' ? (SCALE[unit] ?? 1) : 1;
  return { numerator, denominator, pending, value: denominator > 0 ? (scale * numerator) / denominator : null };
}

/**
 * Every group of a series response, summed over its periods, in the API's order
 * (a group of `null` holds the units without the attribute).
 *
 * @example
 * totalsByGroup({ unit: 'ratio', series: [{ group: '1-09', points }] }, 'rate').get('1-09')
 */
export function totalsByGroup(
  response: { unit: string; series: readonly { group: string | null; points: readonly SeriesPoint[] }[] },
  shape: SummableShape,
): Map<string | null, Totals> {
  const out = new Map<string | null, Totals>();
  for (const s of response.series) out.set(s.group, sumPoints(s.points, shape, response.unit));
  return out;
}
