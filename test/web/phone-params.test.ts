// The phone page's URL keys (web/src/lib/phone/phone-params.ts).
import { describe, expect, it } from 'vitest';
import { defaultCallbackGrain, parsePhoneParams, phoneParamsPatch } from '../../web/src/lib/phone/phone-params.ts';

const WEEK = { from: '2026-10-12', to: '2026-10-19' };
const QUARTER = { from: '2026-07-01', to: '2026-10-01' };

describe('phone page parameters', () => {
  it('defaults to every offered call, and to days unless the range is longer than 62 days', () => {
    expect(parsePhoneParams(new URLSearchParams(''), WEEK)).toEqual({ wait: 'offered', cbGrain: 'day' });
    expect(defaultCallbackGrain(QUARTER)).toBe('week');
    expect(defaultCallbackGrain({ from: '2026-10-01', to: '2026-12-02' })).toBe('day');
    expect(defaultCallbackGrain({ from: '2026-10-01', to: '2026-12-03' })).toBe('week');
  });

  it('reads its keys and ignores unknown values', () => {
    expect(parsePhoneParams(new URLSearchParams('wait=answered&cbgrain=week'), WEEK)).toEqual({ wait: 'answered', cbGrain: 'week' });
    expect(parsePhoneParams(new URLSearchParams('wait=nope&cbgrain=hour'), QUARTER)).toEqual({ wait: 'offered', cbGrain: 'week' });
  });

  it('patches only what changed and drops defaults from the URL', () => {
    expect(phoneParamsPatch({ wait: 'answered' }, WEEK)).toEqual({ wait: 'answered' });
    expect(phoneParamsPatch({ wait: 'offered' }, WEEK)).toEqual({ wait: null });
    expect(phoneParamsPatch({ cbGrain: 'day' }, WEEK)).toEqual({ cbgrain: null });
    expect(phoneParamsPatch({ cbGrain: 'day' }, QUARTER)).toEqual({ cbgrain: 'day' });
  });
});
