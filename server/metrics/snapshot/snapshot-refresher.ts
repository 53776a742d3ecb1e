/**
 * Keeps the metric snapshots current in the server: a build in the background
 * after every facts refresh and settings change, and at start when they are not
 * current. One build at a time; requests during a build ask for one more build
 * after it (a load that lands mid-build makes that build's result stale at
 * once). Until a build commits, reads are live (snapshot-validity.ts): slower,
 * never wrong.
 */
import { factsPending, refreshFacts } from '../../../etl/facts/refresh-facts.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { loadBuildContext } from '../build-context.ts';
import { FAMILIES } from '../units/families.ts';
import { buildSnapshots, type SnapshotBuild } from './build-snapshot.ts';
import { fingerprint, readDataState, readSnapshotRecords } from './snapshot-validity.ts';

export interface RefresherOptions {
  timeZone: string;
  onBuilt?: (b: SnapshotBuild) => void;
  onError?: (err: unknown) => void;
}

export class SnapshotRefresher {
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(
    private readonly wh: Warehouse,
    private readonly opts: RefresherOptions,
  ) {}

  /** Asks for a build (now, or after the one running). Never throws: failures go to onError. */
  request(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => (this.#running = null));
  }

  /** Builds when the stored snapshots are not current (server start). */
  async requestIfStale(): Promise<void> {
    if (this.#running) return; // a build is on its way (after the demo's facts, say)
    if (!(await snapshotsCurrent(this.wh, this.opts.timeZone))) this.request();
  }

  /** Resolves when no build is running or queued. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /**
   * Shutdown: no more builds, and a running one is interrupted (it holds the
   * writer; the ETL jobs have stopped before this). Its uncommitted family rolls
   * back; families already swapped in stay valid.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#again = false;
    if (this.#running) this.wh.writer.interruptAll();
    await this.idle();
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        // A policy change marks facts for a refresh (policy-store.ts): the snapshots are built from refreshed facts.
        if (await factsPending(this.wh)) await refreshFacts(this.wh);
        const b = await buildSnapshots(this.wh, this.opts.timeZone);
        this.opts.onBuilt?.(b);
      } catch (err) {
        if (!this.#stopped) this.opts.onError?.(err);
      }
    } while (this.#again && !this.#stopped);
  }
}

/**
 * Whether every family's snapshot was built from the data, policies and code as
 * they are now. While loads wait for their facts refresh the answer is true
 * unless `strict` (the refresh comes first and asks for a build: nothing to start
 * now), false when strict (reads are live meanwhile).
 */
export async function snapshotsCurrent(wh: Warehouse, timeZone: string, opts: { strict?: boolean } = {}): Promise<boolean> {
  const [state, records] = await Promise.all([readDataState(wh), readSnapshotRecords(wh)]);
  if (state.pending > 0) return !opts.strict;
  const now = new Date();
  const ctx = await loadBuildContext(wh, { from: now, to: now, asOf: now, timeZone, filters: {} });
  return FAMILIES.every((f) => {
    const r = records.find((x) => x.family === f.name);
    return r && Number(r.facts_generation) === state.generation && r.fingerprint === fingerprint(ctx, f, state);
  });
}
