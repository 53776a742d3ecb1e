/**
 * Interrupting a load at shutdown without lying in the run log. DuckDB's
 * interrupt only stops a query that is running at that moment, so one
 * interrupt can miss a load that is between queries; interrupting again and
 * again is safe only before the load's transaction can commit. After the
 * commit, an interrupt could hit the run-log update that records a load that
 * did happen, and the next start would then call it "nothing loaded".
 *
 * So: while a load is reading or validating (it holds the writer, nothing
 * committed), interrupt every 50 ms; a load already writing gets one interrupt.
 */
import type { ScanOptions } from '../../etl/inbox/scan-inbox.ts';
import type { LoadPhase, LoadProgress } from '../../etl/load/load-file.ts';
import type { ConnectionPool } from '../db/connection-pool.ts';

const BEFORE_COMMIT: ReadonlySet<LoadPhase> = new Set(['read', 'validate']);

export class LoadInterrupter {
  readonly #phases = new Map<number, LoadPhase>();
  #next = 0;

  /** Follows one load: pass its progress through `onProgress`, call `done` when it ends. */
  watch(forward?: (p: LoadProgress) => void): { onProgress: (p: LoadProgress) => void; done: () => void } {
    const id = this.#next++;
    return {
      onProgress: (p) => {
        this.#phases.set(id, p.phase);
        forward?.(p);
      },
      done: () => this.#phases.delete(id),
    };
  }

  /** The same for every file of an inbox scan (or the demo), keyed by file. */
  watchScan(forward: Pick<ScanOptions, 'onProgress' | 'onEntry'> = {}): Pick<ScanOptions, 'onFile' | 'onProgress' | 'onEntry'> {
    const watching = new Map<string, ReturnType<LoadInterrupter['watch']>>();
    return {
      onFile: (f) => watching.set(f.file, this.watch()),
      onProgress: (f, p) => {
        watching.get(f.file)?.onProgress(p);
        forward.onProgress?.(f, p);
      },
      onEntry: (e) => {
        watching.get(e.file)?.done();
        watching.delete(e.file);
        forward.onEntry?.(e);
      },
    };
  }

  #inPhase(phases: ReadonlySet<LoadPhase> | LoadPhase): boolean {
    return [...this.#phases.values()].some((p) => (typeof phases === 'string' ? p === phases : phases.has(p)));
  }

  /** Interrupts until `settled` resolves or `graceMs` pass; false on timeout. */
  async interruptUntil(writer: ConnectionPool, settled: Promise<unknown>, graceMs: number): Promise<boolean> {
    let done = false;
    void settled.finally(() => (done = true));
    if (this.#inPhase('write')) writer.interruptAll();
    const until = Date.now() + graceMs;
    while (!done && Date.now() < until) {
      if (this.#inPhase(BEFORE_COMMIT)) writer.interruptAll();
      await new Promise((r) => setTimeout(r, 50));
    }
    return done;
  }
}
