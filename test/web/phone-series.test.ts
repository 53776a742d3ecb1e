// The phone page's one-number-per-group logic (web/src/lib/series-totals.ts and
// lib/phone/phone-series.ts): counts are summed over the periods and the value is
// recomputed from the sums, never averaged. Expectations counted by hand.
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../web/src/lib/api-types.ts';
import { hourOfWeekCells, hourOfWeekKey, parseHourOfWeek, queueLevels, WAIT_BANDS, waitDistribution } from '../../web/src/lib/phone/phone-series.ts';
import { sumPoints, totalsByGroup } from '../../web/src/lib/series-totals.ts';

const pt = (period: string, numerator: number | null, denominator: number | null, pending = 0): SeriesPoint => ({
  period,
  numerator,
  denominator,
  pending,
  value: numerator !== null && denominator ? numerator / denominator : null,
});

describe('sumPoints', () => {
  it('sums a rate\'s counts and divides the sums (1/4 and 3/4 over two months are 4/8, not the mean of 25 % and 75 % weighted alike)', () => {
    expect(sumPoints([pt('2026-09', 1, 4, 2), pt('2026-10', 3, 4)], 'rate')).toEqual({ numerator: 4, denominator: 8, pending: 2, value: 0.5 });
    // 1/10 and 1/1: the mean of the values would be 55 %; the range's rate is 2/11.
    expect(sumPoints([pt('a', 1, 10), pt('b', 1, 1)], 'rate').value).toBeCloseTo(2 / 11, 12);
  });

  it('has no value where nothing was measured, and keeps the pending count', () => {
    expect(sumPoints([pt('a', 0, 0, 3), pt('b', 0, 0)], 'rate')).toEqual({ numerator: 0, denominator: 0, pending: 3, value: null });
    expect(sumPoints([], 'rate')).toEqual({ numerator: 0, denominator: 0, pending: 0, value: null });
  });

  it('rebuilds a mean from seconds and answered calls, a count from its numerators, a per-1,000 rate scaled', () => {
    // ASA: 45 s over 2 calls, then 60 s over 1: 105 / 3 = 35 s.
    expect(sumPoints([pt('a', 45, 2), pt('b', 60, 1)], 'mean')).toEqual({ numerator: 105, denominator: 3, pending: 0, value: 35 });
    expect(sumPoints([pt('a', 4, null), pt('b', 3, null)], 'count')).toEqual({ numerator: 7, denominator: null, pending: 0, value: 7 });
    expect(sumPoints([pt('a', 1, 8)], 'rate', 'per_1000').value).toBe(125);
  });

  it('totals every group of a response, the null group included', () => {
    const m = totalsByGroup({ unit: 'ratio', series: [{ group: 'orders', points: [pt('a', 1, 2), pt('b', 1, 2)] }, { group: null, points: [pt('a', 0, 1)] }] }, 'rate');
    expect([...m.keys()]).toEqual(['orders', null]);
    expect(m.get('orders')?.value).toBe(0.5);
    expect(m.get(null)?.value).toBe(0);
  });
});

describe('hour of week', () => {
  it('reads and writes the API\'s weekday-hour keys', () => {
    expect(hourOfWeekKey(1, 9)).toBe('1-09');
    expect(hourOfWeekKey(7, 23)).toBe('7-23');
    expect(parseHourOfWeek('3-09')).toEqual({ weekday: 3, hour: 9 });
    for (const bad of ['0-09', '8-01', '1-24', '1-9', 'x', null]) expect(parseHourOfWeek(bad)).toBeNull();
  });

  it('makes one cell per hour with units, summed over the weeks; hours with nothing are left to the builder', () => {
    const series = {
      unit: 'ratio',
      series: [
        // Wednesday 09:00 in two weeks: 1/1 then 0/3 -> 1/4.
        { group: '3-09', points: [pt('2026-10-12', 1, 1), pt('2026-10-19', 0, 3)] },
        // Monday 10:00: pending only -> a cell with no value, still clickable.
        { group: '1-10', points: [pt('2026-10-12', 0, 0, 2)] },
        // Nothing at all: no cell.
        { group: '2-11', points: [pt('2026-10-12', 0, 0)] },
        { group: null, points: [pt('2026-10-12', 5, 5)] },
      ],
    };
    expect(hourOfWeekCells(series)).toEqual([
      { weekday: 3, hour: 9, value: 0.25, numerator: 1, denominator: 4 },
      { weekday: 1, hour: 10, value: null, numerator: 0, denominator: 0 },
    ]);
  });
});

describe('wait distribution', () => {
  // The fixture's offered calls: C1 15 s, C2 30 s, C3 40 s, C5 60 s; one call still waiting (no band).
  const offered = {
    unit: 'count',
    series: [
      { group: '30-60', points: [pt('2026-10', 2, null)] },
      { group: '10-20', points: [pt('2026-10', 1, null)] },
      { group: '60-120', points: [pt('2026-10', 1, null)] },
      { group: null, points: [pt('2026-10', 1, null)] },
    ],
  };

  it('lists every band in order, zero where no call fell, and counts the calls without a band apart', () => {
    const d = waitDistribution(offered, 'numerator');
    expect(d.bands.map((b) => b.key)).toEqual([...WAIT_BANDS]);
    expect(d.bands.map((b) => b.count)).toEqual([0, 1, 0, 2, 1, 0, 0]);
    expect(d.unbanded).toBe(1);
  });

  it('counts answered calls from a mean\'s denominator (ASA: seconds over answered calls)', () => {
    const asa = { unit: 'seconds', series: [{ group: '10-20', points: [pt('2026-09', 15, 1), pt('2026-10', 12, 1)] }, { group: '30-60', points: [pt('2026-10', 30, 1)] }] };
    expect(waitDistribution(asa, 'denominator').bands.map((b) => b.count)).toEqual([0, 2, 0, 1, 0, 0, 0]);
  });
});

describe('queue levels', () => {
  it('gives each queue its range\'s service level, busiest first, leaving out empty queues and calls without one', () => {
    const series = {
      unit: 'ratio',
      series: [
        { group: 'orders', points: [pt('2026-09', 0, 1), pt('2026-10', 0, 1)] },
        { group: 'recharge', points: [pt('2026-09', 1, 2), pt('2026-10', 0, 1)] },
        { group: 'security', points: [pt('2026-10', 0, 0)] },
        { group: 'account', points: [pt('2026-10', 1, 2)] },
        { group: null, points: [pt('2026-10', 3, 3)] },
      ],
    };
    expect(queueLevels(series).map((q) => [q.queue, q.numerator, q.denominator])).toEqual([
      ['recharge', 1, 3],
      ['account', 1, 2],
      ['orders', 0, 2],
    ]);
    expect(queueLevels(series)[0]!.value).toBeCloseTo(1 / 3, 12);
  });
});
