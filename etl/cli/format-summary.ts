/**
 * The end-of-command summary of loads: one line per file, a totals line, and
 * where to look when rows were rejected. Pure functions over plain outcomes, so
 * the same text comes out of a direct load, a load through the server and an
 * inbox scan, and tests can check it without a database.
 */
import path from 'node:path';
import type { FactsRefresh } from '../facts/refresh-facts.ts';
import type { InboxEntry } from '../inbox/scan-inbox.ts';
import type { LoadResult } from '../load/load-file.ts';
import { ZERO_COUNTS, type RunCounts } from '../load/run-log.ts';
import { formatTable, num, truncate, type Column } from './text-table.ts';

export interface FileOutcome {
  name: string;
  status: LoadResult['status'];
  runId: number | null;
  counts: RunCounts;
  seconds: number;
  sameAsRun?: number | undefined;
  error: { message: string; line?: number | null | undefined; offset?: number | null | undefined } | null;
}

export function outcomeOfLoad(r: LoadResult): FileOutcome {
  const { read, loaded, replaced, rejected, duplicate, retracted } = r;
  return {
    name: path.basename(r.file),
    status: r.status,
    runId: r.runId,
    counts: { read, loaded, replaced, rejected, duplicate, retracted },
    seconds: r.ms / 1000,
    sameAsRun: r.sameAsRun,
    error: r.error ?? null,
  };
}

export function outcomeOfEntry(e: InboxEntry): FileOutcome {
  if (e.load) return outcomeOfLoad(e.load);
  return { name: path.basename(e.file), status: e.status, runId: null, counts: ZERO_COUNTS, seconds: 0, error: e.error };
}

/** A refusal in one line: the first line of the message and where in the file. */
export function describeError(error: NonNullable<FileOutcome['error']>): string {
  const first = error.message.split('\n').find((l) => l.trim())?.trim() ?? error.message;
  const said = (text: string) => new RegExp(`\\b${text}\\b`).test(first);
  const where = [
    error.line != null && !said(`line ${error.line}`) ? `line ${error.line}` : '',
    error.offset != null && !said(`byte ${error.offset}`) ? `byte ${error.offset}` : '',
  ].filter(Boolean);
  return where.length ? `${first} (${where.join(', ')})` : first;
}

function isClean(o: FileOutcome): boolean {
  return (o.status === 'loaded' || o.status === 'unchanged') && o.counts.rejected === 0 && o.counts.retracted === 0;
}

/** 0 when every file loaded cleanly, 1 when any row was rejected or any file refused or failed. */
export function exitCodeOf(outcomes: readonly FileOutcome[]): 0 | 1 {
  return outcomes.every(isClean) ? 0 : 1;
}

/** One line for a log: `calls-0301.csv: loaded (run 7), 6 read, 3 loaded (0 replaced), 3 rejected, 0 duplicate, 0.09 s`. */
export function formatOutcomeLine(o: FileOutcome): string {
  const run = o.runId === null ? '' : ` (run ${o.runId})`;
  if (o.error && !isLoaded(o)) return `${o.name}: ${o.status}${run}: ${describeError(o.error)}`;
  const c = o.counts;
  const retracted = c.retracted ? `, ${num(c.retracted)} retracted` : '';
  return `${o.name}: ${o.status}${run}, ${num(c.read)} read, ${num(c.loaded)} loaded (${num(c.replaced)} replaced), ${num(c.rejected)} rejected, ${num(c.duplicate)} duplicate${retracted}, ${o.seconds.toFixed(2)} s`;
}

function totals(outcomes: readonly FileOutcome[]): RunCounts & { seconds: number } {
  const t = { ...ZERO_COUNTS, seconds: 0 };
  for (const o of outcomes) {
    for (const k of Object.keys(ZERO_COUNTS) as (keyof RunCounts)[]) t[k] += o.counts[k];
    t.seconds += o.seconds;
  }
  return t;
}

function statusBreakdown(outcomes: readonly FileOutcome[]): string {
  const by = new Map<string, number>();
  for (const o of outcomes) by.set(o.status, (by.get(o.status) ?? 0) + 1);
  return [...by].map(([status, n]) => `${n} ${status}`).join(', ');
}

export interface SummaryOptions {
  /** Terminal width: long refusal reasons are cut to it. */
  width?: number | undefined;
  /** Most file lines to show; clean files are folded into a count beyond it. */
  maxLines?: number;
}

/**
 * @example
 * formatSummary([outcomeOfLoad(result)]).join('\n')
 */
export function formatSummary(outcomes: readonly FileOutcome[], opts: SummaryOptions = {}): string[] {
  if (outcomes.length === 0) return ['no files to load'];
  const withRetracted = outcomes.some((o) => o.counts.retracted > 0);
  const columns: Column[] = [
    { header: 'file' }, { header: 'status' }, { header: 'read', align: 'right' }, { header: 'loaded', align: 'right' },
    { header: 'replaced', align: 'right' }, { header: 'rejected', align: 'right' }, { header: 'duplicate', align: 'right' },
    ...(withRetracted ? [{ header: 'retracted', align: 'right' as const }] : []), { header: 'seconds', align: 'right' },
  ];
  const cells = (name: string, status: string, c: RunCounts, seconds: number) => [
    name, status, num(c.read), num(c.loaded), num(c.replaced), num(c.rejected), num(c.duplicate),
    ...(withRetracted ? [num(c.retracted)] : []), seconds.toFixed(2),
  ];
  const shown = foldClean(outcomes, opts.maxLines ?? 30);
  const rows = shown.rows.map((o) => (o.error && !isLoaded(o) ? [o.name, o.status, describeError(o.error)] : cells(o.name, o.status, o.counts, o.seconds)));
  if (shown.folded > 0) rows.push([`… ${shown.folded} more files loaded cleanly`]);
  const t = totals(outcomes);
  rows.push(cells(`total (${outcomes.length} file${outcomes.length === 1 ? '' : 's'})`, '', t, t.seconds));
  const lines = formatTable(columns, rows);
  lines[lines.length - 1] += `  ${statusBreakdown(outcomes)}`;
  return [...(opts.width ? lines.map((l) => truncate(l, opts.width!)) : lines), ...rejectsHint(outcomes)];
}

function isLoaded(o: FileOutcome): boolean {
  return o.status === 'loaded' || o.status === 'unchanged';
}

function foldClean(outcomes: readonly FileOutcome[], maxLines: number): { rows: FileOutcome[]; folded: number } {
  if (outcomes.length <= maxLines) return { rows: [...outcomes], folded: 0 };
  const notable = outcomes.filter((o) => !isClean(o));
  const room = Math.max(0, maxLines - notable.length);
  const keep = new Set([...outcomes.filter(isClean).slice(0, room), ...notable]);
  return { rows: outcomes.filter((o) => keep.has(o)), folded: outcomes.length - keep.size };
}

function rejectsHint(outcomes: readonly FileOutcome[]): string[] {
  const runs = outcomes.filter((o) => o.runId !== null && (o.counts.rejected > 0 || o.counts.retracted > 0)).map((o) => o.runId!);
  if (runs.length === 0) return [];
  const more = runs.length > 1 ? ` (runs with rejects: ${runs.join(', ')})` : '';
  return [`see: etl rejects --run ${runs[0]}${more}`];
}

/**
 * What became of the derived facts after loads: the refresh that followed them,
 * why none ran (the loads' markers wait for `etl facts`), or null when there was
 * nothing to refresh.
 */
export type FactsOutcome = FactsRefresh | { skipped: 'no-facts' | 'interrupted' } | null;

const plural = (n: number, word: string) => `${num(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * The summary's last line.
 * @example
 * formatFactsLine({ customers: 1234, tickets: 567, ms: 420 }) // 'facts: refreshed 1,234 customers, 567 tickets in 0.42 s'
 */
export function formatFactsLine(f: FactsOutcome): string {
  if (f === null) return 'facts: up to date (nothing to refresh)';
  if ('skipped' in f) return `facts: not refreshed (${f.skipped === 'no-facts' ? '--no-facts' : 'interrupted'}); run etl facts`;
  return `facts: refreshed ${plural(f.customers, 'customer')}, ${plural(f.tickets, 'ticket')} in ${(f.ms / 1000).toFixed(2)} s`;
}
