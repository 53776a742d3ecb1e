/**
 * The SLA page's channel × priority matrix. The series API groups by one
 * dimension, so the matrix is one request per priority (used as a filter)
 * grouped by channel, each summed over the range (series-totals.ts); this
 * module turns those answers into the rows, columns and cells of
 * charts/build-matrix-options.ts.
 */
import type { MatrixCell } from '../../charts/build-matrix-options.ts';
import type { SeriesPoint } from '../api-types.ts';
import { CHANNELS, PRIORITIES } from '../dimension-values.ts';
import { totalsByGroup } from '../series-totals.ts';

type SeriesLike = { unit: string; series: readonly { group: string | null; points: readonly SeriesPoint[] }[] };

/**
 * The matrix's columns: every priority in its order, or only those the global
 * priority filter keeps (a column the filter excludes would always be empty).
 */
export function matrixColumns(priorityFilter: readonly string[]): string[] {
  if (priorityFilter.length === 0) return [...PRIORITIES];
  return PRIORITIES.filter((p) => priorityFilter.includes(p));
}

/** Channels in the catalogue's order, unknown ones after them by name. */
function channelOrder(a: string, b: string): number {
  const rank = (c: string) => {
    const i = (CHANNELS as readonly string[]).indexOf(c);
    return i < 0 ? CHANNELS.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface SlaMatrix {
  rows: string[];
  cols: string[];
  cells: MatrixCell[];
}

/**
 * The matrix from one channel-grouped series per priority. Rows are the
 * channels that occur (a measured or a pending unit in any column); a cell
 * nobody reached stays out and is drawn empty.
 *
 * @example
 * buildSlaMatrix([{ priority: 'normal', series: { unit: 'ratio', series: [{ group: 'chat', points }] } }], ['normal'])
 */
export function buildSlaMatrix(perPriority: readonly { priority: string; series: SeriesLike }[], cols: readonly string[]): SlaMatrix {
  const cells: MatrixCell[] = [];
  const rows = new Set<string>();
  for (const { priority, series } of perPriority) {
    if (!cols.includes(priority)) continue;
    for (const [channel, t] of totalsByGroup(series, 'rate')) {
      const denominator = t.denominator ?? 0;
      if (channel === null || (denominator === 0 && t.pending === 0)) continue;
      rows.add(channel);
      cells.push({ row: channel, col: priority, value: t.value, numerator: t.numerator, denominator, pending: t.pending });
    }
  }
  return { rows: [...rows].sort(channelOrder), cols: [...cols], cells };
}
