/**
 * Keeps only the newest request of a view alive. Filter clicks come in bursts
 * (three channels ticked in a row), so a request waits `debounceMs` for the
 * burst to end, and a newer request aborts the one in flight: an old answer
 * can never overwrite a newer one, and the server stops work nobody will read.
 * The first request goes out at once, so a page's first paint does not wait.
 */
import { isAbort } from './api-client.ts';

export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

export interface RequestListener<T> {
  start(): void;
  done(data: T): void;
  fail(err: unknown): void;
}

export class LatestRequest<T> {
  private controller: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last: Fetcher<T> | null = null;
  private started = false;

  constructor(
    private readonly listener: RequestListener<T>,
    private readonly debounceMs = 250,
  ) {}

  /** Schedules `fetcher`, replacing whatever was scheduled or running. */
  run(fetcher: Fetcher<T>, immediate = !this.started): void {
    this.last = fetcher;
    this.cancel();
    this.listener.start();
    if (immediate) this.fire(fetcher);
    else this.timer = setTimeout(() => this.fire(fetcher), this.debounceMs);
  }

  /** The last request again, at once (the error state's retry button). */
  retry(): void {
    if (this.last) this.run(this.last, true);
  }

  /** Drops the pending and the running request (the view is leaving). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
  }

  private fire(fetcher: Fetcher<T>): void {
    this.timer = null;
    this.started = true;
    const controller = new AbortController();
    this.controller = controller;
    fetcher(controller.signal).then(
      (data) => {
        if (this.controller === controller) this.listener.done(data);
      },
      (err: unknown) => {
        if (this.controller === controller && !isAbort(err)) this.listener.fail(err);
      },
    );
  }
}
