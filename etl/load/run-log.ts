/**
 * The run log (etl_runs): a row is written when a load starts, outside the load's
 * transaction, so a refused or failed file is still on record; the row is
 * finished with the counts, or the error, when the load ends.
 */
import type { Kysely } from 'kysely';
import type { Database, RunStatus } from '../../server/db/schema.ts';
import type { SourceKind } from '../sources/source-spec.ts';

export type LoadTrigger = 'cli' | 'inbox' | 'api' | 'demo';

export interface RunCounts {
  read: number;
  loaded: number;
  replaced: number;
  rejected: number;
  duplicate: number;
  retracted: number;
}

export const ZERO_COUNTS: RunCounts = { read: 0, loaded: 0, replaced: 0, rejected: 0, duplicate: 0, retracted: 0 };

export async function startRun(
  db: Kysely<Database>,
  run: { kind: SourceKind; file: string; fileName: string; hash: string; bytes: number; trigger: LoadTrigger },
): Promise<number> {
  const row = await db
    .insertInto('etl_runs')
    .values({
      kind: run.kind,
      source_file: run.file,
      file_name: run.fileName,
      file_hash: run.hash,
      file_bytes: run.bytes,
      format: null,
      compression: null,
      encoding: null,
      trigger: run.trigger,
      started_at: new Date(),
      finished_at: null,
      status: 'running',
      same_as_run: null,
      error: null,
      error_line: null,
      error_offset: null,
    })
    .returning('run_id')
    .executeTakeFirstOrThrow();
  return row.run_id;
}

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  counts: RunCounts;
  format?: string | undefined;
  compression?: string | undefined;
  encoding?: string | undefined;
  sameAsRun?: number | undefined;
  error?: { message: string; line?: number | undefined; offset?: number | undefined } | undefined;
}

export async function finishRun(db: Kysely<Database>, runId: number, end: RunEnd): Promise<void> {
  await db
    .updateTable('etl_runs')
    .set({
      status: end.status,
      finished_at: new Date(),
      format: end.format ?? null,
      compression: end.compression ?? null,
      encoding: end.encoding ?? null,
      same_as_run: end.sameAsRun ?? null,
      rows_read: end.counts.read,
      rows_loaded: end.counts.loaded,
      rows_replaced: end.counts.replaced,
      rows_rejected: end.counts.rejected,
      rows_duplicate: end.counts.duplicate,
      rows_retracted: end.counts.retracted,
      error: end.error?.message ?? null,
      error_line: end.error?.line ?? null,
      error_offset: end.error?.offset ?? null,
    })
    .where('run_id', '=', runId)
    .execute();
}

/** The last successful load of the same content into the same table, if any. */
export async function findSameContent(db: Kysely<Database>, kind: SourceKind, hash: string) {
  return db
    .selectFrom('etl_runs')
    .select(['run_id', 'rows_read', 'format', 'compression', 'encoding'])
    .where('kind', '=', kind)
    .where('file_hash', '=', hash)
    .where('status', '=', 'loaded')
    .orderBy('run_id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Runs left 'running' by a process that died mid-load: their transaction never
 * committed, so nothing of them is in the tables; say so in the log. Called when
 * the database is opened by its one owner, when no load can be in flight.
 */
export async function markInterruptedRuns(db: Kysely<Database>): Promise<number> {
  const r = await db
    .updateTable('etl_runs')
    .set({ status: 'failed', finished_at: new Date(), error: 'interrupted: the process stopped before the load committed; nothing of it was loaded' })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
