import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestRequest } from '../../web/src/lib/latest-request.ts';

function recorder() {
  const events: string[] = [];
  return { events, listener: { start: () => events.push('start'), done: (d: string) => events.push(`done ${d}`), fail: (e: unknown) => events.push(`fail ${(e as Error).message}`) } };
}

/** A fetch that answers `value` after `ms`, or rejects as fetch does when aborted. */
const slow = (value: string, ms: number, seen: AbortSignal[] = []) => (signal: AbortSignal) => {
  seen.push(signal);
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
};

describe('LatestRequest', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first request at once and debounces the following ones', async () => {
    const { events, listener } = recorder();
    const req = new LatestRequest<string>(listener, 250);
    const signals: AbortSignal[] = [];
    req.run(slow('a', 10, signals));
    expect(signals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    req.run(slow('b', 10, signals));
    req.run(slow('c', 10, signals));
    await vi.advanceTimersByTimeAsync(240);
    expect(signals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(signals).toHaveLength(2);
    expect(events).toEqual(['start', 'done a', 'start', 'start', 'done c']);
  });

  it('aborts a request in flight when a newer one goes out, and never reports the old answer', async () => {
    const { events, listener } = recorder();
    const req = new LatestRequest<string>(listener, 0);
    const signals: AbortSignal[] = [];
    req.run(slow('old', 1000, signals));
    await vi.advanceTimersByTimeAsync(10);
    req.run(slow('new', 10, signals), true);
    expect(signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(events).toEqual(['start', 'start', 'done new']);
  });

  it('reports failures, and retries the last request', async () => {
    const { events, listener } = recorder();
    const req = new LatestRequest<string>(listener, 0);
    let calls = 0;
    req.run(() => (++calls === 1 ? Promise.reject(new Error('HTTP 500')) : Promise.resolve('ok')));
    await vi.advanceTimersByTimeAsync(0);
    req.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['start', 'fail HTTP 500', 'start', 'done ok']);
  });

  it('cancels everything when the view leaves', async () => {
    const { events, listener } = recorder();
    const req = new LatestRequest<string>(listener, 0);
    const signals: AbortSignal[] = [];
    req.run(slow('x', 100, signals));
    req.cancel();
    await vi.advanceTimersByTimeAsync(200);
    expect(signals[0]!.aborted).toBe(true);
    expect(events).toEqual(['start']);
  });
});
