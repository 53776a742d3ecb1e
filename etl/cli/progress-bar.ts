/**
 * A one-line progress display on stderr for big files: which phase of the load
 * (hash, read, validate, write) and how far, when the loader knows. Hand-rolled:
 * it is one line redrawn with `\r`, not worth a dependency.
 */
import type { LoadProgress } from '../load/load-file.ts';
import { truncate } from './text-table.ts';

const PHASES: readonly LoadProgress['phase'][] = ['hash', 'read', 'validate', 'write'];

/** Files above this size get a progress bar; smaller ones finish before it would help. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The line for one moment of a load, without control characters.
 * @example
 * renderProgress('calls.csv', { phase: 'read', fraction: 0.5 }, 60)
 * // 'calls.csv  2/4 read      [##########          ]  50%'
 */
export function renderProgress(name: string, p: LoadProgress, width: number): string {
  const step = `${PHASES.indexOf(p.phase) + 1}/${PHASES.length} ${p.phase.padEnd(8)}`;
  const barWidth = 20;
  let bar: string;
  if (p.fraction === undefined) bar = `[${'.'.repeat(barWidth)}]`;
  else {
    const f = Math.min(1, Math.max(0, p.fraction));
    const filled = Math.round(f * barWidth);
    bar = `[${'#'.repeat(filled)}${' '.repeat(barWidth - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`;
  }
  const tail = `  ${step}  ${bar}`;
  return truncate(name, Math.max(8, width - tail.length)) + tail;
}

export interface ProgressSink {
  update(name: string, p: LoadProgress): void;
  /** Clears the line so the summary starts on a clean screen. */
  done(): void;
}

/** A sink that draws on a terminal, at most ten times a second. */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressSink {
  let last = 0;
  let drawn = false;
  return {
    update(name, p) {
      const now = Date.now();
      if (now - last < 100 && p.fraction !== undefined && p.fraction < 1) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[K${renderProgress(name, p, (stream.columns || 80) - 1)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

export const NO_PROGRESS: ProgressSink = { update() {}, done() {} };
