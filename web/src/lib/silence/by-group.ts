/**
 * One number per group over the whole range (follow-up silence by channel,
 * timely response by source, amount at stake by source): a month-grain series
 * grouped by the dimension, its periods summed per group (lib/series-totals.ts:
 * rate = Σ numerator ÷ Σ denominator, never an average of months).
 *
 * Several of these metrics have fewer dimensions than the global filters
 * (complaints have no channel, follow-up silence no queue): a refused filter
 * is named to the user instead of asking the API for a 400.
 */
import type { ApiClient } from '../api-client.ts';
import type { MetricDefinition, Series } from '../api-types.ts';
import { refusedFilters } from '../global-filters.ts';
import { totalsByGroup, type SummableShape, type Totals } from '../series-totals.ts';

/** A bar: the group's key (null = units without the attribute) and its summed counts. */
export interface GroupBar extends Totals {
  key: string | null;
}

/** What a by-group card gets: either the series, or the global filters the metric refuses (nothing was asked then). */
export interface ByGroupAnswer {
  metric: string;
  blocked: string[];
  series: Series | null;
}

/**
 * The groups of a series response summed over the range, biggest first: by
 * volume for a rate (the denominator: a 100 % of 1 contact is not the first thing
 * to read), by value for a count or a sum. Groups with nothing counted and
 * nothing pending are left out.
 */
export function groupBars(response: Pick<Series, 'unit' | 'series'>, shape: SummableShape): GroupBar[] {
  const bars: GroupBar[] = [];
  for (const [key, totals] of totalsByGroup(response, shape)) {
    const weight = totals.denominator ?? totals.numerator;
    if (weight > 0 || totals.pending > 0) bars.push({ key, ...totals });
  }
  const weight = (b: GroupBar) => b.denominator ?? b.numerator;
  return bars.sort((a, b) => weight(b) - weight(a) || String(a.key).localeCompare(String(b.key)));
}

/**
 * Loads `metric` grouped by `groupBy` over `scope` at month grain, unless a
 * global filter is refused (then nothing is asked).
 */
export async function loadByGroup(
  api: ApiClient,
  defs: Record<string, MetricDefinition>,
  metric: string,
  groupBy: string,
  scope: Record<string, string>,
  signal: AbortSignal,
): Promise<ByGroupAnswer> {
  const blocked = refusedFilters(defs[metric]?.dimensions, scope);
  if (blocked.length) return { metric, blocked, series: null };
  const series = await api.get<Series>('/api/metrics/series', { ...scope, metric, group_by: groupBy, grain: 'month' }, signal);
  return { metric, blocked, series };
}
