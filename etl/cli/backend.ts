/**
 * What a verb needs from the ETL, whichever way the database is reached: opened
 * directly by this process, or through the running server that holds it. The
 * verbs are written once against this interface.
 */
import type { FactsRefresh } from '../facts/refresh-facts.ts';
import type { DemoRunResult } from '../inbox/run-demo.ts';
import type { InboxEntry } from '../inbox/scan-inbox.ts';
import type { LoadProgress, LoadResult } from '../load/load-file.ts';
import type { LoadRequest } from '../../server/etl-jobs/etl-jobs.ts';
import type { RejectsPage, RunSummary, TableCounts } from '../load/run-log-queries.ts';
import type { FactsOutcome } from './format-summary.ts';

export type { FactsOutcome, FactsRefresh, LoadRequest };

export type ProgressCallback = (file: string, p: LoadProgress) => void;

export interface LoadOptions {
  /**
   * Refresh the derived facts after the files (default). False leaves them for a
   * later `etl facts`; only the direct mode honours it, the server always refreshes.
   */
  facts?: boolean;
}

export interface EtlBackend {
  /** 'server' when the verb runs through the server's API. */
  readonly mode: 'direct' | 'server';
  /** Loads the files in order, then brings the derived facts up to date. */
  load(req: LoadRequest, onProgress: ProgressCallback, opts?: LoadOptions): Promise<{ results: LoadResult[]; facts: FactsOutcome }>;
  scan(onProgress: ProgressCallback): Promise<{ entries: InboxEntry[]; facts: FactsOutcome }>;
  demo(opts: { days: number; seed: number; end: Date }): Promise<DemoRunResult & { facts: FactsOutcome }>;
  /** Brings the derived facts up to date with what loads touched; `full` recomputes every fact. */
  refreshFacts(full: boolean): Promise<FactsRefresh>;
  runs(limit: number): Promise<RunSummary[]>;
  counts(): Promise<TableCounts>;
  rejects(q: { run?: number | undefined; limit: number; offset: number }): Promise<RejectsPage>;
  close(): void;
}

/** The database cannot be reached: exit status 3, with what to do. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
