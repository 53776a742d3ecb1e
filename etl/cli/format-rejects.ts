/** `etl rejects`: a run's rejected rows, each with its line, rule, reason and raw row. */
import type { RejectsPage } from '../load/run-log-queries.ts';
import { truncate } from './text-table.ts';

function rawText(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

/**
 * @example
 * formatRejects(page, { width: process.stdout.columns }).join('\n')
 */
export function formatRejects(page: RejectsPage, opts: { width?: number | undefined } = {}): string[] {
  const cut = (text: string) => (opts.width ? truncate(text, opts.width) : text);
  if (!page.run) return ['no rejected rows in any run'];
  const r = page.run;
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = page.offset + page.rejects.length;
  const lines = [cut(`run ${r.runId} (${r.kind}, ${r.fileName}): ${page.total} rejected row${page.total === 1 ? '' : 's'}, showing ${first}–${last}`)];
  if (page.total === 0) return lines;
  const lineWidth = Math.max(1, ...page.rejects.map((x) => String(x.line ?? '').length));
  for (const x of page.rejects) {
    const from = x.retractedFromRun !== null ? ` (retracted from run ${x.retractedFromRun})` : '';
    const rules = x.rules.length > 1 ? ` [also: ${x.rules.filter((rule) => rule !== x.rule).join(', ')}]` : '';
    lines.push('');
    lines.push(cut(`line ${String(x.line ?? '?').padStart(lineWidth)}  ${x.rule}: ${x.message}${rules}${from}`));
    lines.push(cut(`  raw: ${rawText(x.raw)}`));
  }
  if (last < page.total) lines.push('', `${page.total - last} more: etl rejects --run ${r.runId} --offset ${last}`);
  return lines;
}
