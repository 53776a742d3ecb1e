import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, isIsoDate, todayIn } from '../../web/src/lib/calendar-dates.ts';
import {
  filtersOnly, filtersToParams, parseFilters, presetRange, previousRange, scopeParams, withFilters, type GlobalFilters,
} from '../../web/src/lib/global-filters.ts';

const TZ = 'Asia/Shanghai';

describe('presets, with the clock frozen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // 00:30 on 1 October in Shanghai, still 30 September in UTC.
    vi.setSystemTime(new Date('2026-09-30T16:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts days in the platform zone, not in UTC', () => {
    expect(todayIn(TZ, new Date())).toBe('2026-10-01');
    expect(presetRange('today', new Date(), TZ)).toEqual({ from: '2026-10-01', to: '2026-10-02' });
  });

  it('ends every preset with today, the end exclusive', () => {
    expect(presetRange('last7', new Date(), TZ)).toEqual({ from: '2026-09-25', to: '2026-10-02' });
    expect(presetRange('last30', new Date(), TZ)).toEqual({ from: '2026-09-02', to: '2026-10-02' });
    expect(presetRange('month', new Date(), TZ)).toEqual({ from: '2026-10-01', to: '2026-10-02' });
  });

  it('gives the default preset to a URL without a range, or with a broken one', () => {
    const expected = { preset: 'last7', from: '2026-09-25', to: '2026-10-02' };
    expect(parseFilters('', new Date(), TZ)).toMatchObject(expected);
    expect(parseFilters('?from=2026-02-30&to=2026-03-02', new Date(), TZ)).toMatchObject(expected);
    expect(parseFilters('?from=2026-03-05&to=2026-03-01', new Date(), TZ)).toMatchObject(expected);
  });

  it('recomputes a preset from its name, whatever dates sit beside it', () => {
    expect(parseFilters('?preset=month&from=2020-01-01&to=2020-02-01', new Date(), TZ)).toMatchObject({ preset: 'month', from: '2026-10-01' });
  });
});

describe('the query string', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  const custom: GlobalFilters = { preset: null, from: '2026-10-01', to: '2026-10-08', channel: ['chat', 'phone'], queue: [], priority: ['urgent'], category: [] };

  it('round-trips custom filters', () => {
    const search = new URLSearchParams(filtersToParams(custom)).toString();
    expect(search).toBe('from=2026-10-01&to=2026-10-08&channel=chat%2Cphone&priority=urgent');
    expect(parseFilters(search, now, TZ)).toEqual(custom);
  });

  it('round-trips a preset as its name only', () => {
    const f = parseFilters('?preset=last30&queue=orders', now, TZ);
    expect(filtersToParams(f)).toEqual([['preset', 'last30'], ['queue', 'orders']]);
    expect(parseFilters(new URLSearchParams(filtersToParams(f)), now, TZ)).toEqual(f);
  });

  it('drops empty and repeated list values', () => {
    expect(parseFilters('?channel=chat,,chat,%20web', now, TZ).channel).toEqual(['chat', 'web']);
  });

  it('replaces the filter keys and keeps the page\'s own', () => {
    const search = withFilters('?preset=today&metric=fcr&channel=web&cases=fcr', custom);
    expect(search).toBe('?from=2026-10-01&to=2026-10-08&channel=chat%2Cphone&priority=urgent&metric=fcr&cases=fcr');
    expect(filtersOnly('?metric=fcr&preset=today&cases=x')).toBe('?preset=today');
    expect(filtersOnly('?metric=fcr')).toBe('');
  });

  it('builds the API scope, over another range when asked', () => {
    expect(scopeParams(custom)).toEqual({ from: '2026-10-01', to: '2026-10-08', channel: 'chat,phone', priority: 'urgent' });
    expect(scopeParams(custom, previousRange(custom))).toMatchObject({ from: '2026-09-24', to: '2026-10-01' });
  });
});

describe('calendar dates', () => {
  it('compares a previous period of the same length, across month ends', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-03-08' })).toEqual({ from: '2026-02-22', to: '2026-03-01' });
    expect(previousRange({ from: '2026-10-01', to: '2026-11-01' })).toEqual({ from: '2026-08-31', to: '2026-10-01' });
  });

  it('adds days and tells real dates', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});
