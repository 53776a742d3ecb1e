import { describe, expect, it } from 'vitest';
import { describeError, exitCodeOf, formatFactsLine, formatOutcomeLine, formatSummary, type FileOutcome } from '../../etl/cli/format-summary.ts';
import { formatRejects } from '../../etl/cli/format-rejects.ts';
import { localTime } from '../../etl/cli/format-status.ts';
import { renderProgress } from '../../etl/cli/progress-bar.ts';
import { displayWidth, formatTable } from '../../etl/cli/text-table.ts';
import type { RejectsPage, RunSummary } from '../../etl/load/run-log-queries.ts';

const counts = (read: number, loaded: number, rejected = 0, extra: Partial<FileOutcome['counts']> = {}) => ({
  read, loaded, replaced: 0, rejected, duplicate: read - loaded - rejected, retracted: 0, ...extra,
});

const loaded = (name: string, runId: number, c = counts(10, 10)): FileOutcome => ({ name, status: 'loaded', runId, counts: c, seconds: 0.5, error: null });

describe('formatSummary', () => {
  it('prints a line per file, a totals line and the rejects hint', () => {
    const outcomes: FileOutcome[] = [
      loaded('calls-1.csv', 7, { ...counts(1200, 1190, 10), replaced: 4 }),
      { name: 'calls-2.csv', status: 'refused', runId: 8, counts: counts(0, 0), seconds: 0.1, error: { message: 'not valid UTF-8 text\nmore detail', line: 12, offset: 345 } },
    ];
    expect(formatSummary(outcomes)).toEqual([
      'file             status    read  loaded  replaced  rejected  duplicate  seconds',
      'calls-1.csv      loaded   1,200   1,190         4        10          0     0.50',
      'calls-2.csv      refused  not valid UTF-8 text (line 12, byte 345)',
      'total (2 files)           1,200   1,190         4        10          0     0.60  1 loaded, 1 refused',
      'see: etl rejects --run 7',
    ]);
    expect(exitCodeOf(outcomes)).toBe(1);
  });

  it('adds a retracted column only when a run retracted rows', () => {
    const lines = formatSummary([loaded('t.jsonl', 3, counts(5, 5, 0, { retracted: 2 }))]);
    expect(lines[0]).toContain('retracted');
    expect(lines.at(-1)).toBe('see: etl rejects --run 3');
    expect(formatSummary([loaded('c.csv', 1)])[0]).not.toContain('retracted');
  });

  it('folds clean files beyond one screen but keeps every problem', () => {
    const many = Array.from({ length: 40 }, (_, i) => loaded(`calls-${i}.csv`, i + 1));
    many[35] = { ...many[35]!, counts: counts(10, 9, 1) };
    const lines = formatSummary(many, { maxLines: 10 });
    expect(lines.some((l) => l.startsWith('calls-35.csv'))).toBe(true);
    expect(lines).toContain('… 30 more files loaded cleanly');
    expect(exitCodeOf(many)).toBe(1);
    expect(exitCodeOf(many.filter((_, i) => i !== 35))).toBe(0);
  });

  it('does not repeat a line the message already names', () => {
    expect(describeError({ message: 'bad byte at byte 9 (line 2)', line: 2, offset: 9 })).toBe('bad byte at byte 9 (line 2)');
    expect(formatOutcomeLine(loaded('a.csv', 1))).toBe('a.csv: loaded (run 1), 10 read, 10 loaded (0 replaced), 0 rejected, 0 duplicate, 0.50 s');
  });
});

describe('other formatting', () => {
  it('aligns tables with wide characters', () => {
    expect(displayWidth('投诉.csv')).toBe(8);
    const lines = formatTable([{ header: 'file' }, { header: 'n', align: 'right' }], [['投诉.csv', '1'], ['a.csv', '10']]);
    expect(lines).toEqual(['file       n', '投诉.csv   1', 'a.csv     10']);
  });

  it('renders progress with phase and fraction', () => {
    expect(renderProgress('calls.csv', { phase: 'read', fraction: 0.5 }, 80)).toBe('calls.csv  2/4 read      [##########          ]  50%');
    expect(renderProgress('calls.csv', { phase: 'validate' }, 80)).toBe('calls.csv  3/4 validate  [....................]');
  });

  it('shows times in the platform zone', () => {
    expect(localTime('2026-03-08T16:05:09.000Z', 'Asia/Shanghai')).toBe('2026-03-09 00:05:09');
  });

  it('lists rejects with line, rule, message and the raw row cut to the width', () => {
    const run = { runId: 4, kind: 'calls', fileName: 'c.csv' } as RunSummary;
    const page: RejectsPage = {
      run, total: 3, limit: 1, offset: 0,
      rejects: [{ line: 7, rule: 'negative_wait', rules: ['negative_wait', 'missing_required'], message: 'wait_s must be >= 0', raw: { call_id: 'x'.repeat(100) }, retractedFromRun: null }],
    };
    const lines = formatRejects(page, { width: 40 });
    expect(lines[0]).toBe('run 4 (calls, c.csv): 3 rejected rows, …');
    expect(lines[2]).toMatch(/^line 7  negative_wait: wait_s must be .*…$/);
    expect(lines[2]).toHaveLength(40);
    expect(lines[3]).toHaveLength(40);
    expect(lines.at(-1)).toBe('2 more: etl rejects --run 4 --offset 1');
  });
});

describe('formatFactsLine', () => {
  it('says what the refresh recomputed, or why there was none', () => {
    expect(formatFactsLine({ customers: 1234, tickets: 567, ms: 420 })).toBe('facts: refreshed 1,234 customers, 567 tickets in 0.42 s');
    expect(formatFactsLine({ customers: 1, tickets: 1, ms: 8 })).toBe('facts: refreshed 1 customer, 1 ticket in 0.01 s');
    expect(formatFactsLine({ skipped: 'no-facts' })).toBe('facts: not refreshed (--no-facts); run etl facts');
    expect(formatFactsLine({ skipped: 'interrupted' })).toBe('facts: not refreshed (interrupted); run etl facts');
    expect(formatFactsLine(null)).toBe('facts: up to date (nothing to refresh)');
  });
});
