/**
 * A view's data as reactive state: `data` (the last good answer, kept on screen
 * while the next one loads, so charts do not blink on every filter click),
 * `loading` and `error`. Requests go through LatestRequest (debounced,
 * stale ones aborted).
 */
import { untrack } from 'svelte';
import { LatestRequest, type Fetcher } from './latest-request.ts';

export class Resource<T> {
  data = $state<T | null>(null);
  error = $state<unknown>(null);
  loading = $state(false);
  private readonly request: LatestRequest<T>;

  constructor(debounceMs = 250) {
    this.request = new LatestRequest<T>(
      {
        start: () => {
          this.loading = true;
        },
        done: (data) => {
          this.data = data;
          this.error = null;
          this.loading = false;
        },
        fail: (err) => {
          this.error = err;
          this.loading = false;
        },
      },
      debounceMs,
    );
  }

  /**
   * Call from an $effect that reads the request's inputs; the fetcher itself runs
   * untracked, so state it happens to read (the token) does not become a trigger.
   */
  load(fetcher: Fetcher<T>): void {
    untrack(() => this.request.run(fetcher));
  }

  /** Forget the previous answer too (a different question, such as another metric). */
  reset(): void {
    this.data = null;
    this.error = null;
  }

  retry = (): void => this.request.retry();

  dispose(): void {
    this.request.cancel();
  }
}
