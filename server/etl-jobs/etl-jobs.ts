/**
 * The server's ETL work in one place: inbox scans (scheduled or asked for), the
 * demo, and file loads asked for over the API. Loads already serialise on the
 * single writer connection; what this adds is (1) inbox work one pass at a time,
 * since two passes would race to load and move the same files, and (2) knowing
 * what is in flight, so shutdown can interrupt it and wait for it to be recorded.
 *
 * Every load request (all its files), inbox scan and demo ends by bringing the
 * derived facts up to date in the same tracked job, so shutdown waits for that
 * too (one short transaction at the end). Work stopped by shutdown skips the
 * refresh: the loads' markers stay, and the next start refreshes them.
 */
import type { LoadProgress, LoadResult } from '../../etl/load/load-file.ts';
import { loadFile } from '../../etl/load/load-file.ts';
import type { DeclaredEncoding } from '../../etl/read/prepare-file.ts';
import { runDemo, type DemoRunOptions, type DemoRunResult } from '../../etl/inbox/run-demo.ts';
import { scanInbox, type InboxEntry } from '../../etl/inbox/scan-inbox.ts';
import { refreshFacts, type RefreshOptions } from '../../etl/facts/refresh-facts.ts';
import type { SourceKind } from '../../etl/sources/index.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { SnapshotRefresher } from '../metrics/snapshot/snapshot-refresher.ts';
import { refreshAfterLoads, type FactsRefresh } from './facts-after-loads.ts';

export type { FactsRefresh };

export interface LoadRequest {
  kind: SourceKind;
  files: readonly string[];
  encoding?: DeclaredEncoding | undefined;
  force?: boolean | undefined;
}

export type LoadEvent =
  | { type: 'progress'; file: string; phase: LoadProgress['phase']; fraction?: number | undefined }
  | ({ type: 'result' } & LoadResult)
  /** Last line, when the loads changed anything: the facts refresh that followed them. */
  | ({ type: 'facts' } & FactsRefresh);

/** `facts` is null when there was nothing to refresh (or shutdown stopped the work first). */
export interface LoadRun {
  results: LoadResult[];
  facts: FactsRefresh | null;
}

export interface ScanRun {
  entries: InboxEntry[];
  facts: FactsRefresh | null;
}

export type DemoRun = DemoRunResult & { facts: FactsRefresh | null };

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
    private readonly opts: { inbox: string; timeZone: string; snapshots?: SnapshotRefresher | undefined },
  ) {}

  /** True while a scan or the demo runs (the scheduler skips its tick then). */
  get inboxBusy(): boolean {
    return this.#inboxBusy;
  }

  get stopping(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Scans the inbox now, after any scan or demo already running. */
  scan(trigger: 'inbox' | 'api'): Promise<ScanRun> {
    return this.#inboxPass(async () => {
      const entries = await scanInbox(this.wh, { ...this.opts, trigger, signal: this.#abort.signal });
      return { entries, facts: await this.#factsAfter(entries.map((e) => e.load)) };
    });
  }

  demo(opts: Pick<DemoRunOptions, 'days' | 'seed' | 'end' | 'onEntry'>): Promise<DemoRun> {
    return this.#inboxPass(async () => {
      const result = await runDemo(this.wh, { ...this.opts, ...opts, signal: this.#abort.signal });
      return { ...result, facts: await this.#factsAfter(result.entries.map((e) => e.load)) };
    });
  }

  /** Brings the derived facts up to date (POST /api/etl/facts, and pending loads at start). */
  refreshFacts(opts: Pick<RefreshOptions, 'full'> = {}): Promise<FactsRefresh> {
    if (this.stopping) return Promise.reject(new ShuttingDownError());
    return this.#track(async () => this.#snapshotsAfter(await refreshFacts(this.wh, opts)));
  }

  /**
   * Loads files in order, reporting progress and each result, then refreshes the
   * facts (reported as a last `facts` event); stops between files at shutdown.
   */
  load(req: LoadRequest, onEvent: (e: LoadEvent) => void): Promise<LoadRun> {
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
      const facts = await this.#factsAfter(results);
      if (facts) onEvent({ type: 'facts', ...facts });
      return { results, facts };
    });
  }

  #factsAfter(loads: ReadonlyArray<LoadResult | null>): Promise<FactsRefresh | null> {
    if (this.stopping) return Promise.resolve(null);
    return refreshAfterLoads(this.wh, loads).then((f) => this.#snapshotsAfter(f));
  }

  /** New facts make the metric snapshots stale: rebuild them in the background (readers are live meanwhile). */
  #snapshotsAfter<T extends FactsRefresh | null>(facts: T): T {
    if (facts) this.opts.snapshots?.request();
    return facts;
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
