// The silence page's URL keys (web/src/lib/silence/silence-params.ts): the trend's
// grain chosen from the range, the queue's quick filters and page.
import { describe, expect, it } from 'vitest';
import { defaultGrain, grainsFor, parseSilenceParams, silenceParamsPatch } from '../../web/src/lib/silence/silence-params.ts';

const DAY = { from: '2026-10-12', to: '2026-10-13' };
const WEEK = { from: '2026-10-12', to: '2026-10-19' };
const QUARTER = { from: '2026-07-01', to: '2026-10-01' };
const NONE = { channel: [], queue: [], category: [], agent: [] };

describe('silence page parameters', () => {
  it('reads one day by the hour, up to 62 days by the day, longer ranges by the week', () => {
    expect(defaultGrain(DAY)).toBe('hour');
    expect(defaultGrain(WEEK)).toBe('day');
    expect(defaultGrain({ from: '2026-10-01', to: '2026-12-02' })).toBe('day'); // 62 days
    expect(defaultGrain({ from: '2026-10-01', to: '2026-12-03' })).toBe('week'); // 63 days
    expect(defaultGrain(QUARTER)).toBe('week');
  });

  it('offers the hour only up to a month', () => {
    expect(grainsFor(WEEK)).toEqual(['hour', 'day', 'week', 'month']);
    expect(grainsFor({ from: '2026-10-01', to: '2026-11-01' })).toEqual(['hour', 'day', 'week', 'month']); // 31 days
    expect(grainsFor({ from: '2026-10-01', to: '2026-11-02' })).toEqual(['day', 'week', 'month']);
  });

  it('defaults to the range\'s grain, no quick filter and page 1', () => {
    expect(parseSilenceParams(new URLSearchParams(''), WEEK)).toEqual({ grain: 'day', quick: NONE, page: 1 });
    expect(parseSilenceParams(new URLSearchParams(''), DAY).grain).toBe('hour');
  });

  it('reads the grain, the quick filters (deduplicated, blanks dropped) and the page; ignores what it cannot use', () => {
    const p = parseSilenceParams(new URLSearchParams('sgrain=week&qf.channel=phone,web,phone&qf.agent=A1&qf.queue=%20&qpage=3'), WEEK);
    expect(p).toEqual({ grain: 'week', quick: { channel: ['phone', 'web'], queue: [], category: [], agent: ['A1'] }, page: 3 });
    expect(parseSilenceParams(new URLSearchParams('sgrain=hour&qpage=0'), QUARTER)).toEqual({ grain: 'week', quick: NONE, page: 1 });
    expect(parseSilenceParams(new URLSearchParams('sgrain=year&qpage=2.5'), WEEK)).toMatchObject({ grain: 'day', page: 1 });
  });

  it('patches only what changed, drops defaults, and starts the queue again at page 1 on new quick filters', () => {
    expect(silenceParamsPatch({ grain: 'week' }, WEEK)).toEqual({ sgrain: 'week' });
    expect(silenceParamsPatch({ grain: 'day' }, WEEK)).toEqual({ sgrain: null });
    expect(silenceParamsPatch({ grain: 'day' }, DAY)).toEqual({ sgrain: 'day' });
    expect(silenceParamsPatch({ quick: { ...NONE, channel: ['phone', 'web'] } }, WEEK)).toEqual({
      'qf.channel': 'phone,web', 'qf.queue': null, 'qf.category': null, 'qf.agent': null, qpage: null,
    });
    expect(silenceParamsPatch({ page: 2 }, WEEK)).toEqual({ qpage: '2' });
    expect(silenceParamsPatch({ page: 1 }, WEEK)).toEqual({ qpage: null });
  });
});
