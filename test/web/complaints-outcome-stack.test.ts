// Complaints by source stacked by outcome (web/src/lib/complaints/outcome-stack.ts):
// one `complaints` series per outcome, grouped by source, summed over the months.
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../web/src/lib/api-types.ts';
import { orderOutcomes, stackByOutcome } from '../../web/src/lib/complaints/outcome-stack.ts';

const n = (period: string, count: number): SeriesPoint => ({ period, value: count, numerator: count, denominator: null, pending: 0 });
const answer = (outcome: string, groups: Record<string, number[]>) => ({
  outcome,
  series: { series: Object.entries(groups).map(([group, counts]) => ({ group, points: counts.map((c, i) => n(`2026-1${i}`, c)) })) },
});

describe('orderOutcomes', () => {
  it('puts open first, then the closing outcomes in a fixed order, unknown ones last', () => {
    expect(orderOutcomes(['rejected', 'refunded', 'open'])).toEqual(['open', 'refunded', 'rejected']);
    expect(orderOutcomes(['appealed', 'withdrawn', 'mediated', 'withdrawn'])).toEqual(['mediated', 'withdrawn', 'appealed']);
  });
});

describe('stackByOutcome', () => {
  it('stacks per-outcome answers into one bar per source, segments summing to the source\'s complaints', () => {
    const stack = stackByOutcome([
      // refunded: 12315 2 + 1 over two months, blackcat 1
      answer('refunded', { '12315': [2, 1], blackcat: [1, 0] }),
      // open: 12315 1, blackcat 0 + 4, court 0
      answer('open', { '12315': [0, 1], blackcat: [0, 4], court: [0, 0] }),
      // rejected: nothing anywhere -> no layer
      answer('rejected', { '12315': [0, 0] }),
    ]);
    // 12315: 3 refunded + 1 open = 4; blackcat: 1 + 4 = 5; court: 0 -> no bar
    expect(stack.sources).toEqual([{ key: 'blackcat', total: 5 }, { key: '12315', total: 4 }]);
    expect(stack.layers).toEqual([
      { outcome: 'open', counts: [4, 1] },
      { outcome: 'refunded', counts: [1, 3] },
    ]);
    for (const [i, s] of stack.sources.entries()) expect(stack.layers.reduce((sum, l) => sum + l.counts[i]!, 0)).toBe(s.total);
  });

  it('orders sources of equal totals by key, and is empty when there are no complaints', () => {
    expect(stackByOutcome([answer('open', { media: [1], court: [1] })]).sources.map((s) => s.key)).toEqual(['court', 'media']);
    expect(stackByOutcome([answer('open', {})])).toEqual({ sources: [], layers: [] });
    expect(stackByOutcome([])).toEqual({ sources: [], layers: [] });
  });

  it('skips the null group (complaints always have a source)', () => {
    const stack = stackByOutcome([{ outcome: 'open', series: { series: [{ group: null, points: [n('2026-10', 2)] }, { group: '12315', points: [n('2026-10', 1)] }] } }]);
    expect(stack).toEqual({ sources: [{ key: '12315', total: 1 }], layers: [{ outcome: 'open', counts: [1] }] });
  });
});
