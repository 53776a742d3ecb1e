// The range's dimension values (web/src/lib/silence/range-values.ts): asked once
// per range, shared by every picker, a failure forgotten.
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../web/src/lib/api-client.ts';
import { rangeValuesLoader, toRangeValues } from '../../web/src/lib/silence/range-values.ts';

const BODY = {
  values: { channel: [{ value: 'phone', count: 5 }, { value: 'chat', count: 1 }], outcome: [{ value: 'open', count: 1 }] },
  truncated: [],
};
const WEEK = { from: '2026-10-12', to: '2026-10-19' };

describe('range values', () => {
  it('keeps each dimension\'s values in the API\'s order (most frequent first)', () => {
    expect(toRangeValues(BODY)).toEqual({ channel: ['phone', 'chat'], outcome: ['open'] });
  });

  it('asks the server once per range', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(BODY)));
    const load = rangeValuesLoader(new ApiClient({ token: () => null, fetch }));
    const [a, b] = await Promise.all([load(WEEK), load(WEEK)]);
    expect(a).toEqual(b);
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0]![0]).toBe('/api/metrics/dimension-values?from=2026-10-12&to=2026-10-19');
    await load({ from: '2026-10-19', to: '2026-10-26' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks again after a failure', async () => {
    let calls = 0;
    const fetch = vi.fn(async () => (++calls === 1 ? new Response('{}', { status: 503 }) : new Response(JSON.stringify(BODY))));
    const load = rangeValuesLoader(new ApiClient({ token: () => null, fetch }));
    await expect(load(WEEK)).rejects.toMatchObject({ status: 503 });
    expect((await load(WEEK)).outcome).toEqual(['open']);
  });
});
