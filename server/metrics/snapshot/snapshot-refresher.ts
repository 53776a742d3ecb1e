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
import { fingerprint, isCurrent, readSnapshotState, type SnapshotRecord } from './snapshot-validity.ts';

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

export interface SnapshotStatus {
  /** Loads wait for their facts refresh (reads are live until it and a build are done). */
  factsPending: boolean;
  /** Every family's snapshot was built from the data, policies and code as they are now. */
  current: boolean;
  /** The latest horizon and build time among the families' records (ISO), null without snapshots. */
  horizon: string | null;
  builtAt: string | null;
}

export async function snapshotStatus(wh: Warehouse, timeZone: string): Promise<SnapshotStatus> {
  const now = new Date();
  const [{ data, records }, ctx] = await Promise.all([readSnapshotState(wh), loadBuildContext(wh, { from: now, to: now, asOf: now, timeZone, filters: {} })]);
  const latest = (pick: (r: SnapshotRecord) => Date) => (records.length ? new Date(Math.max(...records.map((r) => pick(r).getTime()))).toISOString() : null);
  return {
    factsPending: data.pending > 0,
    current: data.pending === 0 && FAMILIES.every((f) => isCurrent(records.find((r) => r.family === f.name), data, fingerprint(ctx, f, data))),
    horizon: latest((r) => r.horizon),
    builtAt: latest((r) => r.built_at),
  };
}

/**
 * Whether there is nothing to build now: every snapshot current, or loads waiting
 * for their facts refresh (which comes first and asks for a build itself).
 */
export async function snapshotsCurrent(wh: Warehouse, timeZone: string): Promise<boolean> {
  const s = await snapshotStatus(wh, timeZone);
  return s.factsPending || s.current;
}
