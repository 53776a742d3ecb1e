/** `etl status`: recent runs with their counts, then the row count of every table. */
import type { RunSummary, TableCounts } from '../load/run-log-queries.ts';
import { describeError } from './format-summary.ts';
import { formatTable, num, truncate, type Column } from './text-table.ts';

/** `2026-03-01 14:05:09` in the platform's zone. */
export function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

const COLUMNS: Column[] = [
  { header: 'run', align: 'right' }, { header: 'started' }, { header: 'kind' }, { header: 'file' }, { header: 'trigger' },
  { header: 'status' }, { header: 'read', align: 'right' }, { header: 'loaded', align: 'right' }, { header: 'replaced', align: 'right' },
  { header: 'rejected', align: 'right' }, { header: 'duplicate', align: 'right' }, { header: 'retracted', align: 'right' },
  { header: 'seconds', align: 'right' },
];

function runCells(r: RunSummary, timeZone: string): string[] {
  return [
    String(r.runId), localTime(r.startedAt, timeZone), r.kind, r.fileName, r.trigger, r.status,
    num(r.read), num(r.loaded), num(r.replaced), num(r.rejected), num(r.duplicate), num(r.retracted),
    r.seconds === null ? '' : r.seconds.toFixed(2),
  ];
}

/**
 * @example
 * formatStatus(runs, counts, { timeZone: 'Asia/Shanghai' }).join('\n')
 */
export function formatStatus(runs: readonly RunSummary[], counts: TableCounts, opts: { timeZone: string; width?: number | undefined }): string[] {
  const lines: string[] = [];
  if (runs.length === 0) lines.push('no loads yet');
  else {
    lines.push(`recent loads, newest first (times in ${opts.timeZone}):`);
    lines.push(...formatTable(COLUMNS, runs.map((r) => runCells(r, opts.timeZone))));
    const errors = runs.filter((r) => r.error && (r.status === 'refused' || r.status === 'failed'));
    for (const r of errors) lines.push(`run ${r.runId} ${r.status}: ${describeError(r.error!)}`);
  }
  lines.push('');
  lines.push(`tables: ${Object.entries(counts).map(([t, n]) => `${t} ${num(n)}`).join(' · ')}`);
  return opts.width ? lines.map((l) => truncate(l, opts.width!)) : lines;
}
