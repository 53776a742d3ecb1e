// One number per group over a range (web/src/lib/silence/by-group.ts): month
// points summed per group, rates recomputed from the sums, empty groups dropped,
// and the global filters a metric refuses.
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../web/src/lib/api-client.ts';
import type { MetricDefinition, SeriesPoint } from '../../web/src/lib/api-types.ts';
import { groupBars, loadByGroup } from '../../web/src/lib/silence/by-group.ts';
import { refusedFilters } from '../../web/src/lib/global-filters.ts';

const pt = (period: string, numerator: number, denominator: number | null, pending = 0): SeriesPoint => ({
  period, numerator, denominator, pending, value: denominator ? numerator / denominator : denominator === null ? numerator : null,
});

describe('groupBars', () => {
  it('sums a rate\'s months per group (Σ numerator ÷ Σ denominator, not the mean of the months) and puts the busiest first', () => {
    const bars = groupBars({
      unit: 'ratio',
      series: [
        // chat: 1/1 in October, 0/3 in November -> 1/4 = 25 % (the months' mean would say 50 %)
        { group: 'chat', points: [pt('2026-10', 1, 1), pt('2026-11', 0, 3, 2)] },
        { group: 'web', points: [pt('2026-10', 3, 5), pt('2026-11', 1, 5)] },
        // nothing counted and nothing pending: no bar
        { group: 'email', points: [pt('2026-10', 0, 0), pt('2026-11', 0, 0)] },
      ],
    }, 'rate');
    expect(bars).toEqual([
      { key: 'web', numerator: 4, denominator: 10, pending: 0, value: 0.4 },
      { key: 'chat', numerator: 1, denominator: 4, pending: 2, value: 0.25 },
    ]);
  });

  it('keeps a group with only pending units (its value unknown yet)', () => {
    expect(groupBars({ unit: 'ratio', series: [{ group: 'chat', points: [pt('2026-10', 0, 0, 3)] }] }, 'rate')).toEqual([
      { key: 'chat', numerator: 0, denominator: 0, pending: 3, value: null },
    ]);
  });

  it('sums amounts per source, the largest first', () => {
    const bars = groupBars({
      unit: 'cny',
      series: [
        { group: '12315', points: [pt('2026-10', 98, 1), pt('2026-11', 2, 1)] },
        { group: 'blackcat', points: [pt('2026-10', 250.5, 2)] },
      ],
    }, 'sum');
    expect(bars).toEqual([
      { key: 'blackcat', numerator: 250.5, denominator: null, pending: 0, value: 250.5 },
      { key: '12315', numerator: 100, denominator: null, pending: 0, value: 100 },
    ]);
  });
});

describe('refusedFilters', () => {
  it('names the global filters that are not dimensions of the metric', () => {
    const scope = { from: '2026-10-12', to: '2026-10-19', channel: 'phone', queue: 'orders', category: 'product' };
    expect(refusedFilters(['source', 'category', 'outcome', 'hour_of_week'], scope)).toEqual(['channel', 'queue']);
    expect(refusedFilters(['channel', 'priority', 'category', 'agent', 'hour_of_week'], scope)).toEqual(['queue']);
    expect(refusedFilters([], { from: 'a', to: 'b' })).toEqual([]);
    expect(refusedFilters(undefined, scope)).toEqual([]);
  });
});

describe('loadByGroup', () => {
  const defs = { complaint_amount: { dimensions: ['source', 'category', 'outcome'] } } as unknown as Record<string, MetricDefinition>;

  it('asks for a month-grain series grouped by the dimension', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify({ unit: "cny", series: [] })));
    const api = new ApiClient({ token: () => null, fetch });
    const answer = await loadByGroup(api, defs, 'complaint_amount', 'source', { from: '2026-10-12', to: '2026-10-19' }, new AbortController().signal);
    expect(answer).toMatchObject({ metric: 'complaint_amount', blocked: [] });
    expect(fetch.mock.calls[0]![0]).toBe('/api/metrics/series?from=2026-10-12&to=2026-10-19&metric=complaint_amount&group_by=source&grain=month');
  });

  it('asks nothing when a global filter is refused', async () => {
    const fetch = vi.fn();
    const api = new ApiClient({ token: () => null, fetch });
    const answer = await loadByGroup(api, defs, 'complaint_amount', 'source', { from: 'a', to: 'b', channel: 'phone' }, new AbortController().signal);
    expect(answer).toEqual({ metric: 'complaint_amount', blocked: ['channel'], series: null });
    expect(fetch).not.toHaveBeenCalled();
  });
});
