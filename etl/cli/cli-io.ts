/**
 * Where the CLI writes: results to stdout (they can be piped), progress and
 * notes to stderr. The progress bar appears only on a terminal and only for
 * files big enough to take a while.
 */
import fs from 'node:fs';
import type { LoadProgress } from '../load/load-file.ts';
import type { ProgressCallback } from './backend.ts';
import { NO_PROGRESS, PROGRESS_MIN_BYTES, terminalProgress, type ProgressSink } from './progress-bar.ts';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Terminal width of stdout, when it is a terminal. */
  width: number | undefined;
  /** A progress callback for a batch of loads, and a way to clear it before the summary. */
  progress(): { onProgress: ProgressCallback; done(): void };
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function batchProgress(sink: ProgressSink): { onProgress: ProgressCallback; done(): void } {
  const big = new Map<string, boolean>();
  return {
    onProgress(file: string, p: LoadProgress) {
      if (!big.has(file)) big.set(file, fileSize(file) > PROGRESS_MIN_BYTES);
      if (big.get(file)) sink.update(file.split(/[\\/]/).pop() ?? file, p);
    },
    done: () => sink.done(),
  };
}

export function processIO(): CliIO {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    width: process.stdout.isTTY ? process.stdout.columns : undefined,
    progress: () => batchProgress(process.stderr.isTTY ? terminalProgress(process.stderr) : NO_PROGRESS),
  };
}
