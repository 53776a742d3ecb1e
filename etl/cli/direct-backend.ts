/**
 * The CLI as the database's owner: used when no server holds the file. Ctrl-C
 * interrupts the running load (its transaction rolls back and the run is
 * recorded as failed) instead of killing the process mid-write; a second Ctrl-C
 * exits at once, which is still safe (nothing uncommitted survives, and the
 * next open marks the run interrupted).
 */
import path from 'node:path';
import type { Settings } from '../../server/config/settings.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { LoadInterrupter } from '../../server/etl-jobs/load-interrupter.ts';
import { recentRuns, rejectsPage, tableCounts } from '../../server/etl-jobs/run-log-queries.ts';
import { runDemo } from '../inbox/run-demo.ts';
import { scanInbox } from '../inbox/scan-inbox.ts';
import { loadFile, type LoadResult } from '../load/load-file.ts';
import type { EtlBackend, LoadRequest, ProgressCallback } from './backend.ts';

export class DirectBackend implements EtlBackend {
  readonly mode = 'direct';
  readonly #abort = new AbortController();
  readonly #interrupter = new LoadInterrupter();
  #running: Promise<unknown> = Promise.resolve();
  readonly #onSigint = () => this.#interrupt();

  constructor(
    private readonly wh: Warehouse,
    private readonly settings: Settings,
  ) {
    process.on('SIGINT', this.#onSigint);
  }

  #interrupt(): void {
    if (this.#abort.signal.aborted) process.exit(130);
    process.stderr.write('\ninterrupting: the current file is rolled back (Ctrl-C again to quit now)\n');
    this.#abort.abort();
    void this.#interrupter.interruptUntil(this.wh.writer, this.#running, 10_000);
  }

  /** Remembers the work in flight, so Ctrl-C knows when interrupting can stop. */
  #track<T>(p: Promise<T>): Promise<T> {
    this.#running = p.catch(() => undefined);
    return p;
  }

  load(req: LoadRequest, onProgress: ProgressCallback): Promise<LoadResult[]> {
    return this.#track(this.#loadAll(req, onProgress));
  }

  async #loadAll(req: LoadRequest, onProgress: ProgressCallback): Promise<LoadResult[]> {
    const results: LoadResult[] = [];
    for (const file of req.files) {
      if (this.#abort.signal.aborted) break;
      const watch = this.#interrupter.watch((p) => onProgress(file, p));
      const opts = { kind: req.kind, file, trigger: 'cli' as const, timeZone: this.settings.timeZone, encoding: req.encoding, force: req.force };
      results.push(await loadFile(this.wh, { ...opts, onProgress: watch.onProgress }).finally(watch.done));
    }
    return results;
  }

  scan(onProgress: ProgressCallback) {
    const { inbox, timeZone } = this.settings;
    const watched = this.#interrupter.watchScan({ onProgress: (f, p) => onProgress(f.file, p) });
    return this.#track(scanInbox(this.wh, { inbox: path.resolve(inbox), timeZone, trigger: 'cli', signal: this.#abort.signal, ...watched }));
  }

  demo(opts: { days: number; seed: number; end: Date }) {
    const { inbox, timeZone } = this.settings;
    return this.#track(runDemo(this.wh, { ...opts, inbox: path.resolve(inbox), timeZone, signal: this.#abort.signal, ...this.#interrupter.watchScan() }));
  }

  runs(limit: number) {
    return recentRuns(this.wh, limit);
  }

  counts() {
    return tableCounts(this.wh);
  }

  rejects(q: { run?: number | undefined; limit: number; offset: number }) {
    return rejectsPage(this.wh, q);
  }

  close(): void {
    process.off('SIGINT', this.#onSigint);
    this.wh.close();
  }
}
