/**
 * Which case lists a metric has, by the shape of its calculation (server
 * metric-engine caseStates): a rate has all four; a mean or percentile counts
 * the same units above and below its line, so its list is the denominator; a
 * count or sum has no denominator at all.
 */
import type { MetricDefinition } from './api-types.ts';
import type { CasePart } from './cases-ref.ts';

export function partsFor(shape: MetricDefinition['shape'] | undefined): CasePart[] {
  switch (shape) {
    case 'mean':
    case 'percentile':
      return ['denominator', 'pending'];
    case 'count':
    case 'sum':
      return ['numerator', 'pending'];
    default:
      return ['numerator', 'denominator', 'denominator_only', 'pending'];
  }
}

/** The part a click asked for, or the metric's first part when it has no such list. */
export function partOrFirst(part: CasePart, shape: MetricDefinition['shape'] | undefined): CasePart {
  const parts = partsFor(shape);
  return parts.includes(part) ? part : parts[0]!;
}
