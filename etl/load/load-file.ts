/**
 * Loads one file into one core table: the ETL's unit of work (DESIGN.md "Data
 * flow" 2–4). Everything from landing to upsert happens in one transaction on the
 * writer connection, so a file that fails midway leaves the database as it was;
 * only its run-log row records the attempt.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery, inTransaction } from '../../server/db/run-sql.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { SOURCES, type SourceKind } from '../sources/index.ts';
import { landingRelation } from '../read/land-file.ts';
import { describeReadError } from '../read/read-errors.ts';
import { prepareFile, type DeclaredEncoding, type PreparedFile } from '../read/prepare-file.ts';
import { FileRefusedError } from './errors.ts';
import { hashFile } from './file-hash.ts';
import { findSameContent, finishRun, startRun, ZERO_COUNTS, type LoadTrigger, type RunCounts, type RunEnd } from './run-log.ts';
import { INVALID, stageRows, writeRejects } from './stage-rows.ts';
import { applyTicketOrderRule, BEFORE_OPENED_RULE } from './ticket-order-rule.ts';
import { allRules, lit } from './typed-columns.ts';
import { markRunDirty } from './facts-dirty.ts';
import { upsertStaged } from './upsert.ts';

export type LoadPhase = 'hash' | 'read' | 'validate' | 'write';

export interface LoadProgress {
  phase: LoadPhase;
  /** 0..1 within the phase, when known. */
  fraction?: number;
}

export interface LoadOptions {
  kind: SourceKind;
  file: string;
  trigger: LoadTrigger;
  /** Platform time zone: timestamps without an offset are local to it. */
  timeZone: string;
  encoding?: DeclaredEncoding;
  /** Load even when the same content was loaded before. */
  force?: boolean;
  onProgress?: (p: LoadProgress) => void;
  /**
   * Stops the load (at shutdown): the running query is interrupted and every step
   * checks it, so the transaction rolls back and the run is recorded as failed.
   * Once the load has committed, aborting changes nothing.
   */
  signal?: AbortSignal;
  /** Test hook: throw inside the load transaction after this step, to prove it rolls back. */
  failAfter?: 'rejects' | 'upsert';
}

export interface LoadResult extends RunCounts {
  runId: number;
  kind: SourceKind;
  file: string;
  status: RunEnd['status'];
  sameAsRun?: number | undefined;
  error?: RunEnd['error'];
  ms: number;
}

const TEMP_VIEWS = ['staged_rows'];
const TEMP_TABLES = ['land_json', 'staged', 'existing', 'chained_keys', 'chain', 'final_writes', 'ticket_opened', 'retracted', 'line_map'];

export async function loadFile(wh: Warehouse, opts: LoadOptions): Promise<LoadResult> {
  const t0 = performance.now();
  const file = path.resolve(opts.file);
  const bytes = fs.statSync(file).size;
  const onBytes = (done: number) => opts.onProgress?.({ phase: 'hash', fraction: bytes ? done / bytes : 1 });
  const hash = await hashFile(file, onBytes);
  const runId = await startRun(wh.write, { kind: opts.kind, file, fileName: path.basename(file), hash, bytes, trigger: opts.trigger });
  const end = await runLoad(wh, runId, file, hash, opts);
  await finishRun(wh.write, runId, end);
  return { runId, kind: opts.kind, file, status: end.status, ...end.counts, sameAsRun: end.sameAsRun, error: end.error, ms: performance.now() - t0 };
}

async function runLoad(wh: Warehouse, runId: number, file: string, hash: string, opts: LoadOptions): Promise<RunEnd> {
  const same = opts.force ? undefined : await findSameContent(wh.read, opts.kind, hash);
  if (same) {
    // Identical bytes were loaded before: every row is a duplicate of what that run read.
    const counts = { ...ZERO_COUNTS, read: same.rows_read, duplicate: same.rows_read };
    return { status: 'unchanged', counts, sameAsRun: same.run_id, format: same.format ?? undefined, compression: same.compression ?? undefined, encoding: same.encoding ?? undefined };
  }
  let prepared: PreparedFile | undefined;
  try {
    prepared = await prepareFile(file, opts.encoding ?? 'auto');
    const p = prepared;
    const counts = await wh.withWriter((c) => loadPrepared(c, runId, p, opts));
    return { status: 'loaded', counts, format: p.format, compression: p.compression, encoding: p.encoding };
  } catch (err) {
    const e = err as Error;
    const status = err instanceof FileRefusedError ? 'refused' : 'failed';
    if (/interrupt/i.test(e.message)) e.message = INTERRUPTED;
    const where = err instanceof FileRefusedError ? { line: err.line, offset: err.offset } : {};
    return { status, counts: ZERO_COUNTS, format: prepared?.format, compression: prepared?.compression, encoding: prepared?.encoding, error: { message: e.message, ...where } };
  } finally {
    prepared?.cleanup();
  }
}

const INTERRUPTED = 'interrupted before the load committed; nothing of it was loaded';

/** Throws when the load was asked to stop (DuckDB ignores an interrupt that falls between queries). */
function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error(INTERRUPTED);
}

async function loadPrepared(c: DuckDBConnection, runId: number, p: PreparedFile, opts: LoadOptions): Promise<RunCounts> {
  const { signal } = opts;
  const interrupt = () => c.interrupt();
  signal?.addEventListener('abort', interrupt);
  try {
    return await loadSteps(c, runId, p, opts);
  } finally {
    signal?.removeEventListener('abort', interrupt);
    // After the transaction (a statement in an aborted one would fail and hide the error).
    await c.run('SET preserve_insertion_order = true');
    for (const v of TEMP_VIEWS) await c.run(`DROP VIEW IF EXISTS temp.${v}`);
    for (const t of TEMP_TABLES) await c.run(`DROP TABLE IF EXISTS temp.${t}`);
    await c.run(`SET TimeZone = 'UTC'`);
  }
}

async function loadSteps(c: DuckDBConnection, runId: number, p: PreparedFile, opts: LoadOptions): Promise<RunCounts> {
  const spec = SOURCES[opts.kind];
  const step = () => checkAbort(opts.signal);
  const rules = opts.kind === 'ticket_events' ? [...allRules(spec), BEFORE_OPENED_RULE] : allRules(spec);
  await c.run(`SET TimeZone = ${lit(opts.timeZone)}`);
  // Landing and staging write only temporary tables, so they run before the
  // transaction: their rowids are then the file's row order from 0.
  opts.onProgress?.({ phase: 'read' });
  step();
  const land = await landingRelation(c, spec, p).catch(async (err: Error) => {
    throw err instanceof FileRefusedError ? err : await describeReadError(err, p);
  });
  const read = await withQueryProgress(c, opts, () => stageRows(c, spec, rules, land, p));
  opts.onProgress?.({ phase: 'validate' });
  step();
  return await inTransaction(c, async () => {
    const retracted = opts.kind === 'ticket_events' ? await applyTicketOrderRule(c, rules.length, runId, land) : 0;
    step();
    await writeRejects(c, spec, rules, runId);
    if (opts.failAfter === 'rejects') throw new Error('injected failure after rejects');
    opts.onProgress?.({ phase: 'write' });
    step();
    const up = await upsertStaged(c, spec, runId);
    await markRunDirty(c, runId);
    if (opts.failAfter === 'upsert') throw new Error('injected failure after upsert');
    step();
    const [rej] = await runQuery<{ n: number }>(c, `SELECT count(*) AS n FROM staged WHERE ${INVALID}`);
    return { read, loaded: up.loaded, replaced: up.replaced, rejected: rej?.n ?? 0, duplicate: up.duplicate, retracted };
  });
}

/** Reports DuckDB's own progress of a long-running read, polled while it runs. */
async function withQueryProgress<T>(c: DuckDBConnection, opts: LoadOptions, fn: () => Promise<T>): Promise<T> {
  if (!opts.onProgress) return fn();
  const timer = setInterval(() => {
    const pct = c.progress.percentage;
    if (pct >= 0) opts.onProgress?.({ phase: 'read', fraction: pct / 100 });
  }, 200);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}
