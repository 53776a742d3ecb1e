/**
 * The unanswered-case queue: the contacts counted in silence_rate's numerator
 * (GET /api/cases part=numerator, newest first), narrowed by the queue's quick
 * filters on top of the global ones. A quick filter can only narrow: where both
 * name values of a dimension, the queue lists their intersection.
 */
import type { CaseRow } from '../api-types.ts';
import { QUEUE_DIMS, type QuickFilters } from './silence-params.ts';

/**
 * The scope of the queue's request: `scope` (the global filters as API
 * parameters) with each quick filter applied; null when a quick filter and a
 * global filter of the same dimension share no value (nothing can match, and the
 * API would read the quick values as a replacement, not a narrowing).
 *
 * @example queueScope({ from: 'a', to: 'b', channel: 'phone,web' }, { channel: ['web', 'chat'], queue: [], category: [], agent: [] })
 * // { from: 'a', to: 'b', channel: 'web' }
 */
export function queueScope(scope: Record<string, string>, quick: QuickFilters): Record<string, string> | null {
  const out = { ...scope };
  for (const dim of QUEUE_DIMS) {
    const wanted = quick[dim];
    if (!wanted.length) continue;
    const global = scope[dim]?.split(',');
    const kept = global ? wanted.filter((v) => global.includes(v)) : wanted;
    if (!kept.length) return null;
    out[dim] = kept.join(',');
  }
  return out;
}

/**
 * The values a quick filter offers: those of the range (GET
 * /api/metrics/dimension-values, most frequent first), only the globally
 * selected ones when the global filter names the dimension, and the ones already
 * chosen, so a choice never disappears from its own list.
 */
export function quickOptions(values: readonly string[], globalSelected: readonly string[] | undefined, chosen: readonly string[]): string[] {
  const inRange = globalSelected?.length ? values.filter((v) => globalSelected.includes(v)) : values;
  return [...new Set([...inRange, ...chosen])];
}

/**
 * How long a silent contact went without a human response: from its start to
 * the response that finally came after its window (`stopped_at`), or to the
 * instant of evaluation when none has come. Null when the instants are unreadable.
 *
 * @example silentSeconds({ started_at: '2026-10-16T03:00:00Z', stopped_at: null }, '2026-10-18T03:00:00Z') // 172800
 */
export function silentSeconds(row: Pick<CaseRow, 'started_at' | 'stopped_at'>, asOf: string): number | null {
  const start = Date.parse(row.started_at);
  const end = Date.parse(row.stopped_at ?? asOf);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, (end - start) / 1000);
}

/** The number of pages for `total` rows, at least 1 (an empty list still has its page). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A row's key in the list and in the `case` URL key (`call:C3`). */
export function rowKey(row: Pick<CaseRow, 'kind' | 'id'>): string {
  return `${row.kind}:${row.id}`;
}
