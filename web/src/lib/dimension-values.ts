/**
 * The values offered by the filter bar's multi-selects. Channels and priorities
 * are closed sets (FORMATS.md, server/policies/policy-schema.ts); queues and
 * categories are whatever the data holds, so they are asked of the API: the
 * groups of a series over the range on screen (one cheap month-grain query).
 */
import type { ApiClient } from './api-client.ts';
import type { Series } from './api-types.ts';
import type { DateRange, FilterDim } from './global-filters.ts';

export const CHANNELS = ['chat', 'web', 'phone', 'social', 'marketplace', 'email', 'complaint'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which metric's groups list a dimension's values: calls hold every queue; silence rate covers every contact's category. */
const SOURCE_METRIC: Record<'queue' | 'category', string> = { queue: 'attempts', category: 'silence_rate' };

export type OptionsLoader = (signal?: AbortSignal) => Promise<string[]>;

export function optionsFor(dim: FilterDim, api: ApiClient, range: DateRange): readonly string[] | OptionsLoader {
  if (dim === 'channel') return CHANNELS;
  if (dim === 'priority') return PRIORITIES;
  const metric = SOURCE_METRIC[dim];
  return async (signal) => {
    const s = await api.get<Series>('/api/metrics/series', { metric, group_by: dim, grain: 'month', from: range.from, to: range.to }, signal);
    return s.series.map((x) => x.group).filter((g): g is string => g !== null).sort();
  };
}
