// The unanswered queue's paging (web/src/lib/silence/silence-queue-list.svelte.ts):
// the first answer's instant of evaluation is pinned, further pages are asked as
// of it; new filters or a refresh evaluate as of now again.
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../web/src/lib/api-client.ts';
import { SilenceQueueList } from '../../web/src/lib/silence/silence-queue-list.svelte.ts';

const SCOPE = { from: '2026-10-12', to: '2026-10-19' };

function fakeApi() {
  const urls: URL[] = [];
  let clock = 0;
  const fetch = vi.fn(async (url: string | URL | Request, _init?: RequestInit) => {
    urls.push(new URL(String(url), 'http://x'));
    clock += 1;
    return new Response(JSON.stringify({ total: 60, page: 1, page_size: 25, cases: [], as_of: `2026-11-01T00:00:0${clock}.000Z` }));
  });
  return { api: new ApiClient({ token: () => null, fetch }), urls };
}

/** Waits out the Resource's debounce (250 ms) and the answer. */
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('SilenceQueueList', () => {
  it('asks page 1 as of now, then further pages as of that answer\'s instant', async () => {
    const { api, urls } = fakeApi();
    const queue = new SilenceQueueList(api, 25);
    queue.load(SCOPE, 1, false);
    await settle();
    expect(urls[0]!.searchParams.get('as_of')).toBeNull();
    expect(Object.fromEntries(urls[0]!.searchParams)).toMatchObject({ metric: 'silence_rate', part: 'numerator', page: '1', page_size: '25' });
    queue.load(SCOPE, 2, false);
    await settle();
    expect(urls[1]!.searchParams.get('as_of')).toBe('2026-11-01T00:00:01.000Z');
    expect(urls[1]!.searchParams.get('page')).toBe('2');
    // Showing personal data does not move the instant either.
    queue.load(SCOPE, 2, true);
    await settle();
    expect(urls[2]!.searchParams.get('as_of')).toBe('2026-11-01T00:00:01.000Z');
    expect(urls[2]!.searchParams.get('unmask')).toBe('true');
    queue.dispose();
  });

  it('evaluates as of now again on new filters and on refresh', async () => {
    const { api, urls } = fakeApi();
    const queue = new SilenceQueueList(api);
    queue.load(SCOPE, 1, false);
    await settle();
    queue.load({ ...SCOPE, channel: 'web' }, 1, false);
    await settle();
    expect(urls[1]!.searchParams.get('as_of')).toBeNull();
    expect(urls[1]!.searchParams.get('channel')).toBe('web');
    queue.load({ ...SCOPE, channel: 'web' }, 2, false);
    await settle();
    expect(urls[2]!.searchParams.get('as_of')).toBe('2026-11-01T00:00:02.000Z');
    queue.refresh();
    await settle();
    expect(urls[3]!.searchParams.get('as_of')).toBeNull();
    expect(urls[3]!.searchParams.get('page')).toBe('2');
    queue.dispose();
  });

  it('asks nothing when the quick filters exclude everything', async () => {
    const { api, urls } = fakeApi();
    const queue = new SilenceQueueList(api);
    queue.load(null, 1, false);
    await settle();
    expect(urls).toEqual([]);
    expect(queue.list.data).toEqual({ impossible: true, page: null });
    queue.dispose();
  });
});
