/**
 * The CLI as the database's owner: used when no server holds the file. Ctrl-C
 * interrupts the running load (its transaction rolls back and the run is
 * recorded as failed) instead of killing the process mid-write; a second Ctrl-C
 * exits at once, which is still safe (nothing uncommitted survives, and the
 * next open marks the run interrupted).
 *
 * Like the server, it brings the derived facts up to date after a load, a scan
 * and the demo; `etl load --no-facts` leaves that to a later `etl facts` (or to
 * the server's start). An interrupted command skips the refresh: the loads'
 * markers stay until the next one.
 */
import path from 'node:path';
import type { Settings } from '../../server/config/settings.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { refreshAfterLoads } from '../../server/etl-jobs/facts-after-loads.ts';
import { factsPending, refreshFacts } from '../facts/refresh-facts.ts';
import { recentRuns, rejectsPage, tableCounts } from '../load/run-log-queries.ts';
import { runDemo } from '../inbox/run-demo.ts';
import { scanInbox } from '../inbox/scan-inbox.ts';
import { loadFile, type LoadProgress, type LoadResult } from '../load/load-file.ts';
import type { EtlBackend, FactsOutcome, LoadOptions, LoadRequest, ProgressCallback } from './backend.ts';

export class DirectBackend implements EtlBackend {
  readonly mode = 'direct';
  readonly #abort = new AbortController();
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
    // loadFile interrupts its own query and rolls back; the loops stop between files.
    this.#abort.abort();
  }

  async load(req: LoadRequest, onProgress: ProgressCallback, opts: LoadOptions = {}) {
    const results = await this.#loadAll(req, onProgress);
    return { results, facts: opts.facts === false ? ({ skipped: 'no-facts' } as const) : await this.#factsAfter(results) };
  }

  async #loadAll(req: LoadRequest, onProgress: ProgressCallback): Promise<LoadResult[]> {
    const results: LoadResult[] = [];
    for (const file of req.files) {
      if (this.#abort.signal.aborted) break;
      const opts = { kind: req.kind, file, trigger: 'cli' as const, timeZone: this.settings.timeZone, encoding: req.encoding, force: req.force };
      results.push(await loadFile(this.wh, { ...opts, onProgress: (p) => onProgress(file, p), signal: this.#abort.signal }));
    }
    return results;
  }

  async scan(onProgress: ProgressCallback) {
    const { inbox, timeZone } = this.settings;
    const progress = (f: { file: string }, p: LoadProgress) => onProgress(f.file, p);
    const entries = await scanInbox(this.wh, { inbox: path.resolve(inbox), timeZone, trigger: 'cli', signal: this.#abort.signal, onProgress: progress });
    return { entries, facts: await this.#factsAfter(entries.map((e) => e.load)) };
  }

  async demo(opts: { days: number; seed: number; end: Date }) {
    const { inbox, timeZone } = this.settings;
    const result = await runDemo(this.wh, { ...opts, inbox: path.resolve(inbox), timeZone, signal: this.#abort.signal });
    return { ...result, facts: await this.#factsAfter(result.entries.map((e) => e.load)) };
  }

  refreshFacts(full: boolean) {
    return refreshFacts(this.wh, { full });
  }

  async #factsAfter(loads: ReadonlyArray<LoadResult | null>): Promise<FactsOutcome> {
    if (!this.#abort.signal.aborted) return refreshAfterLoads(this.wh, loads);
    return (await factsPending(this.wh)) ? { skipped: 'interrupted' } : null;
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
