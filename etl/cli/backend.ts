/**
 * What a verb needs from the ETL, whichever way the database is reached: opened
 * directly by this process, or through the running server that holds it. The
 * verbs are written once against this interface.
 */
import type { DemoRunResult } from '../inbox/run-demo.ts';
import type { InboxEntry } from '../inbox/scan-inbox.ts';
import type { LoadProgress, LoadResult } from '../load/load-file.ts';
import type { LoadRequest } from '../../server/etl-jobs/etl-jobs.ts';
import type { RejectsPage, RunSummary, TableCounts } from '../load/run-log-queries.ts';

export type { LoadRequest };

export type ProgressCallback = (file: string, p: LoadProgress) => void;

export interface EtlBackend {
  /** 'server' when the verb runs through the server's API. */
  readonly mode: 'direct' | 'server';
  load(req: LoadRequest, onProgress: ProgressCallback): Promise<LoadResult[]>;
  scan(onProgress: ProgressCallback): Promise<InboxEntry[]>;
  demo(opts: { days: number; seed: number; end: Date }): Promise<DemoRunResult>;
  runs(limit: number): Promise<RunSummary[]>;
  counts(): Promise<TableCounts>;
  rejects(q: { run?: number | undefined; limit: number; offset: number }): Promise<RejectsPage>;
  close(): void;
}

/** The database cannot be reached: exit status 3, with what to do. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}
