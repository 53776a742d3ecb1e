/**
 * Complaints by source, stacked by outcome. The series API groups by one
 * dimension only, so the page asks for `complaints` grouped by source once per
 * outcome (the outcome as a filter) and stacks the answers here: one layer per
 * outcome, one bar per source, each bar's segments summing to that source's
 * complaints.
 */
import type { Series } from '../api-types.ts';
import { sumPoints } from '../series-totals.ts';

/**
 * Outcomes in reading order: still open first (the work left), then the ways a
 * complaint closes, from the customer's side (money back) to the platform's
 * (rejected, withdrawn). API.md "Common parameters": `open` until closed.
 */
export const OUTCOMES = ['open', 'refunded', 'compensated', 'mediated', 'explained', 'rejected', 'withdrawn'] as const;

/** The complaints' sources (FORMATS.md complaints `source`), for their labels. */
export const SOURCES = ['12315', 'consumer_association', '12321', 'blackcat', 'payment_dispute', 'cyberspace', 'court', 'media', 'other'] as const;

export interface OutcomeLayer {
  outcome: string;
  /** Complaints of this outcome per source, in the order of `sources`. */
  counts: number[];
}

export interface OutcomeStack {
  /** Sources with at least one complaint, most complaints first. */
  sources: { key: string; total: number }[];
  /** Outcomes with at least one complaint, in OUTCOMES order (unknown ones after, as given). */
  layers: OutcomeLayer[];
}

/** The stacked chart's data: the stack, or the global filters complaints refuse (nothing was asked then). */
export interface StackAnswer {
  blocked: string[];
  stack: OutcomeStack | null;
}

/**
 * `values` (the outcomes seen in the range, most frequent first) in OUTCOMES order.
 *
 * @example orderOutcomes(['refunded', 'open', 'appealed']) // ['open', 'refunded', 'appealed']
 */
export function orderOutcomes(values: readonly string[]): string[] {
  const rank = (v: string) => {
    const i = (OUTCOMES as readonly string[]).indexOf(v);
    return i < 0 ? OUTCOMES.length : i;
  };
  return [...new Set(values)].sort((a, b) => rank(a) - rank(b));
}

/**
 * Stacks per-outcome answers (each `complaints` grouped by source) into bars.
 *
 * @example
 * stackByOutcome([{ outcome: 'open', series: { series: [{ group: '12315', points: [{ numerator: 2, ... }] }] } }])
 * // { sources: [{ key: '12315', total: 2 }], layers: [{ outcome: 'open', counts: [2] }] }
 */
export function stackByOutcome(answers: readonly { outcome: string; series: Pick<Series, 'series'> }[]): OutcomeStack {
  const perOutcome = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const { outcome, series } of answers) {
    const bySource = perOutcome.get(outcome) ?? new Map<string, number>();
    for (const s of series.series) {
      // Every complaint has a source (FORMATS.md: required), so a null group holds nothing to stack.
      if (s.group === null) continue;
      const n = sumPoints(s.points, 'count').numerator;
      bySource.set(s.group, (bySource.get(s.group) ?? 0) + n);
      totals.set(s.group, (totals.get(s.group) ?? 0) + n);
    }
    perOutcome.set(outcome, bySource);
  }
  const sources = [...totals]
    .filter(([, total]) => total > 0)
    .map(([key, total]) => ({ key, total }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  const layers = orderOutcomes([...perOutcome.keys()])
    .map((outcome) => ({ outcome, counts: sources.map((s) => perOutcome.get(outcome)?.get(s.key) ?? 0) }))
    .filter((layer) => layer.counts.some((n) => n > 0));
  return { sources, layers };
}
