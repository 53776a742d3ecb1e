/**
 * The server's ETL work in one place: inbox scans (scheduled or asked for), the
 * demo, and file loads asked for over the API. Loads already serialise on the
 * single writer connection; what this adds is (1) inbox work one pass at a time,
 * since two passes would race to load and move the same files, and (2) knowing
 * what is in flight, so shutdown can interrupt it and wait for it to be recorded.
 */
import type { LoadProgress, LoadResult } from '../../etl/load/load-file.ts';
import { loadFile } from '../../etl/load/load-file.ts';
import type { DeclaredEncoding } from '../../etl/read/prepare-file.ts';
import { runDemo, type DemoRunOptions, type DemoRunResult } from '../../etl/inbox/run-demo.ts';
import { scanInbox, type InboxEntry } from '../../etl/inbox/scan-inbox.ts';
import type { SourceKind } from '../../etl/sources/index.ts';
import type { Warehouse } from '../db/warehouse.ts';

export interface LoadRequest {
  kind: SourceKind;
  files: readonly string[];
  encoding?: DeclaredEncoding | undefined;
  force?: boolean | undefined;
}

export type LoadEvent =
  | { type: 'progress'; file: string; phase: LoadProgress['phase']; fraction?: number | undefined }
  | ({ type: 'result' } & LoadResult);

/** Work asked for after shutdown began. */
export class ShuttingDownError extends Error {
  override name = 'ShuttingDownError';
  constructor() {
    super('the server is shutting down');
  }
}

export class EtlJobs {
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #abort = new AbortController();
  #inbox: Promise<unknown> = Promise.resolve();
  #inboxBusy = false;

  constructor(
    private readonly wh: Warehouse,
    private readonly opts: { inbox: string; timeZone: string },
  ) {}

  /** True while a scan or the demo runs (the scheduler skips its tick then). */
  get inboxBusy(): boolean {
    return this.#inboxBusy;
  }

  get stopping(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Scans the inbox now, after any scan or demo already running. */
  scan(trigger: 'inbox' | 'api'): Promise<InboxEntry[]> {
    return this.#inboxPass(() => scanInbox(this.wh, { ...this.opts, trigger, signal: this.#abort.signal }));
  }

  demo(opts: Pick<DemoRunOptions, 'days' | 'seed' | 'end' | 'onEntry'>): Promise<DemoRunResult> {
    return this.#inboxPass(() => runDemo(this.wh, { ...this.opts, ...opts, signal: this.#abort.signal }));
  }

  /** Loads files in order, reporting progress and each result; stops between files at shutdown. */
  load(req: LoadRequest, onEvent: (e: LoadEvent) => void): Promise<LoadResult[]> {
    if (this.stopping) return Promise.reject(new ShuttingDownError());
    return this.#track(async () => {
      const results: LoadResult[] = [];
      for (const file of req.files) {
        if (this.stopping) break;
        const onProgress = (p: LoadProgress) => onEvent({ type: 'progress', file, phase: p.phase, fraction: p.fraction });
        const opts = { kind: req.kind, file, trigger: 'api' as const, timeZone: this.opts.timeZone, encoding: req.encoding, force: req.force };
        const result = await loadFile(this.wh, { ...opts, onProgress, signal: this.#abort.signal });
        results.push(result);
        onEvent({ type: 'result', ...result });
      }
      return results;
    });
  }

  /**
   * Shutdown: no new work, interrupt the running load (its transaction rolls
   * back and loadFile records the run as failed), wait for it to be recorded.
   * Returns false if work was still running after `graceMs`.
   */
  async stop(graceMs = 5000): Promise<boolean> {
    this.#abort.abort();
    if (this.#inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
    const settled = Promise.allSettled([...this.#inFlight]).then(() => true as const);
    return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
  }

  #inboxPass<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#inbox.then(async () => {
      if (this.stopping) throw new ShuttingDownError();
      this.#inboxBusy = true;
      try {
        return await fn();
      } finally {
        this.#inboxBusy = false;
      }
    });
    this.#inbox = run.catch(() => undefined);
    return this.#track(() => run);
  }

  #track<T>(fn: () => Promise<T>): Promise<T> {
    const p = fn();
    this.#inFlight.add(p);
    const forget = () => this.#inFlight.delete(p);
    p.then(forget, forget);
    return p;
  }
}
