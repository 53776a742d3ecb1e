/**
 * The trends page's own URL state: `metric`, `grain`, `group_by`, with defaults
 * and the rules that keep them consistent (a group-by the metric does not have
 * is dropped rather than sent to be refused).
 */
import type { MetricDefinition } from './api-types.ts';

export const GRAINS = ['hour', 'day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export interface TrendParams {
  metric: string;
  grain: Grain;
  groupBy: string | null;
}

export const DEFAULT_TREND: TrendParams = { metric: 'silence_rate', grain: 'day', groupBy: null };

/** Dimensions not offered as a trend's grouping: 168 hour-of-week lines are a heatmap's job (the phone page). */
const NOT_FOR_LINES = new Set(['hour_of_week']);

export function groupOptions(def: MetricDefinition | undefined): string[] {
  return (def?.dimensions ?? []).filter((d) => !NOT_FOR_LINES.has(d));
}

export function parseTrendParams(params: URLSearchParams, defs: Record<string, MetricDefinition> | null): TrendParams {
  const metric = params.get('metric') || DEFAULT_TREND.metric;
  const grain = (GRAINS as readonly string[]).includes(params.get('grain') ?? '') ? (params.get('grain') as Grain) : DEFAULT_TREND.grain;
  const wanted = params.get('group_by');
  const def = defs?.[metric];
  // Before the definitions arrive the group-by is trusted; the server refuses a bad one with a 400 naming it.
  const groupBy = wanted && (!defs || groupOptions(def).includes(wanted)) ? wanted : null;
  return { metric, grain, groupBy };
}

/** Query pairs for the trend state, leaving defaults out so links stay short. */
export function trendParamsPatch(p: TrendParams): Record<string, string | null> {
  return {
    metric: p.metric === DEFAULT_TREND.metric ? null : p.metric,
    grain: p.grain === DEFAULT_TREND.grain ? null : p.grain,
    group_by: p.groupBy,
  };
}
