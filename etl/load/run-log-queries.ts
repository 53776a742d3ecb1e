/**
 * Reads of the run log and the rejects, in the JSON shape the API returns and the
 * CLI prints. Shared by the routes and by the CLI when it opens the database
 * itself, so both show the same thing.
 */
import type { Selectable } from 'kysely';
import type { EtlRunsTable } from '../../server/db/schema.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import type { RunCounts } from './run-log.ts';

export interface TableCounts {
  calls: number;
  ticket_events: number;
  complaints: number;
  etl_runs: number;
  etl_rejects: number;
}

export interface RunSummary extends RunCounts {
  runId: number;
  kind: string;
  file: string;
  fileName: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  seconds: number | null;
  bytes: number | null;
  format: string | null;
  encoding: string | null;
  sameAsRun: number | null;
  error: { message: string; line: number | null; offset: number | null } | null;
}

export interface RejectRow {
  line: number | null;
  rule: string;
  rules: string[];
  message: string;
  /** The row as read: original column names, text values. */
  raw: unknown;
  retractedFromRun: number | null;
}

export interface RejectsPage {
  /** The run shown: the one asked for, or the newest that has rejects; null if none. */
  run: RunSummary | null;
  total: number;
  limit: number;
  offset: number;
  rejects: RejectRow[];
}

export async function tableCounts(wh: Warehouse): Promise<TableCounts> {
  const [row] = await wh.query<Record<keyof TableCounts, number>>(
    `SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM ticket_events) AS ticket_events,
            (SELECT count(*) FROM complaints) AS complaints, (SELECT count(*) FROM etl_runs) AS etl_runs,
            (SELECT count(*) FROM etl_rejects) AS etl_rejects`,
  );
  return row!;
}

function toSummary(r: Selectable<EtlRunsTable>): RunSummary {
  const started = new Date(r.started_at);
  const finished = r.finished_at ? new Date(r.finished_at) : null;
  return {
    runId: r.run_id,
    kind: r.kind,
    file: r.source_file,
    fileName: r.file_name,
    trigger: r.trigger,
    status: r.status,
    startedAt: started.toISOString(),
    finishedAt: finished?.toISOString() ?? null,
    seconds: finished ? (finished.getTime() - started.getTime()) / 1000 : null,
    bytes: r.file_bytes,
    format: r.format,
    encoding: r.encoding,
    sameAsRun: r.same_as_run,
    read: r.rows_read,
    loaded: r.rows_loaded,
    replaced: r.rows_replaced,
    rejected: r.rows_rejected,
    duplicate: r.rows_duplicate,
    retracted: r.rows_retracted,
    error: r.error === null ? null : { message: r.error, line: r.error_line, offset: r.error_offset },
  };
}

/** Newest first. */
export async function recentRuns(wh: Warehouse, limit: number): Promise<RunSummary[]> {
  const rows = await wh.read.selectFrom('etl_runs').selectAll().orderBy('run_id', 'desc').limit(limit).execute();
  return rows.map(toSummary);
}

export async function runById(wh: Warehouse, runId: number): Promise<RunSummary | null> {
  const row = await wh.read.selectFrom('etl_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return row ? toSummary(row) : null;
}

function parseRaw(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Rejects of `run` (or of the newest run that has any), in file order, with the total. */
export async function rejectsPage(wh: Warehouse, q: { run?: number | undefined; limit: number; offset: number }): Promise<RejectsPage> {
  let runId = q.run;
  if (runId === undefined) {
    const newest = await wh.read.selectFrom('etl_rejects').select((eb) => eb.fn.max('run_id').as('run_id')).executeTakeFirst();
    runId = newest?.run_id ?? undefined;
  }
  const run = runId === undefined ? null : await runById(wh, runId);
  if (!run) return { run: null, total: 0, limit: q.limit, offset: q.offset, rejects: [] };
  const [count] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM etl_rejects WHERE run_id = ?', [run.runId]);
  const rows = await wh.read
    .selectFrom('etl_rejects')
    .select(['source_line', 'rule', 'rules', 'message', 'raw', 'retracted_from_run'])
    .where('run_id', '=', run.runId)
    .orderBy('retracted_from_run', 'asc')
    .orderBy('source_line', 'asc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const rejects = rows.map((r) => ({
    line: r.source_line,
    rule: r.rule,
    rules: r.rules,
    message: r.message,
    raw: parseRaw(r.raw),
    retractedFromRun: r.retracted_from_run,
  }));
  return { run, total: count?.n ?? 0, limit: q.limit, offset: q.offset, rejects };
}
