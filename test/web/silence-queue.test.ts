// The unanswered-case queue's pure parts (web/src/lib/silence/silence-queue.ts):
// quick filters narrowing the global ones, their options, how long a contact
// has been silent, paging.
import { describe, expect, it } from 'vitest';
import { pageCount, queueScope, quickOptions, rowKey, silentSeconds } from '../../web/src/lib/silence/silence-queue.ts';

const NONE = { channel: [], queue: [], category: [], agent: [] };
const SCOPE = { from: '2026-10-12', to: '2026-10-19' };

describe('queueScope', () => {
  it('is the global scope when no quick filter is chosen', () => {
    expect(queueScope({ ...SCOPE, channel: 'phone' }, NONE)).toEqual({ ...SCOPE, channel: 'phone' });
  });

  it('adds quick filters of dimensions the global filters leave open', () => {
    expect(queueScope(SCOPE, { ...NONE, queue: ['orders'], agent: ['A1', 'A2'] })).toEqual({ ...SCOPE, queue: 'orders', agent: 'A1,A2' });
  });

  it('narrows a global filter of the same dimension to the values both name', () => {
    expect(queueScope({ ...SCOPE, channel: 'phone,web' }, { ...NONE, channel: ['web', 'chat'] })).toEqual({ ...SCOPE, channel: 'web' });
  });

  it('is null when a quick filter shares no value with the global one (nothing can match)', () => {
    expect(queueScope({ ...SCOPE, channel: 'phone' }, { ...NONE, channel: ['chat'], queue: ['orders'] })).toBeNull();
  });
});

describe('quickOptions', () => {
  it('offers the range\'s values, within the global selection, keeping what is already chosen', () => {
    expect(quickOptions(['phone', 'chat', 'web'], [], [])).toEqual(['phone', 'chat', 'web']);
    expect(quickOptions(['phone', 'chat', 'web'], ['web', 'phone'], [])).toEqual(['phone', 'web']);
    expect(quickOptions(['phone'], undefined, ['A9'])).toEqual(['phone', 'A9']);
  });
});

describe('silentSeconds', () => {
  it('runs from the start to the instant of evaluation while no response has come', () => {
    // T2 opened 2026-10-16 11:00 Shanghai; as of 2026-11-01 00:00 Shanghai: 15 days 13 hours.
    expect(silentSeconds({ started_at: '2026-10-16T03:00:00.000Z', stopped_at: null }, '2026-10-31T16:00:00.000Z')).toBe(15 * 86_400 + 13 * 3600);
  });

  it('ends at a response that came after the window', () => {
    expect(silentSeconds({ started_at: '2026-10-13T01:00:00.000Z', stopped_at: '2026-10-16T01:30:00.000Z' }, '2026-11-01T00:00:00.000Z')).toBe(3 * 86_400 + 1800);
  });

  it('is null for unreadable instants and never negative', () => {
    expect(silentSeconds({ started_at: 'garbage', stopped_at: null }, '2026-11-01T00:00:00Z')).toBeNull();
    expect(silentSeconds({ started_at: '2026-11-02T00:00:00Z', stopped_at: null }, '2026-11-01T00:00:00Z')).toBe(0);
  });
});

describe('paging and keys', () => {
  it('counts pages, an empty list still having one', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });

  it('keys a row as the case view does', () => {
    expect(rowKey({ kind: 'call', id: 'C3' })).toBe('call:C3');
  });
});
