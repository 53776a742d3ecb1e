/**
 * The values each attribute takes in a range (GET /api/metrics/dimension-values):
 * the options of the unanswered-case queue's quick filters and the outcomes the
 * complaints page stacks by. One request per range serves every dimension, so it
 * is memoised per range and shared by all the pickers of the page; a failed
 * request is forgotten so the next picker opening asks again.
 */
import type { ApiClient } from '../api-client.ts';
import type { DateRange } from '../global-filters.ts';

export interface DimensionValuesAnswer {
  values: Record<string, { value: string; count: number }[]>;
  /** Dimensions cut at 200 values. */
  truncated: string[];
}

/** Each dimension's values, most frequent first. */
export type RangeValues = Record<string, string[]>;

export function toRangeValues(answer: DimensionValuesAnswer): RangeValues {
  return Object.fromEntries(Object.entries(answer.values).map(([dim, list]) => [dim, list.map((v) => v.value)]));
}

/**
 * A loader of the range's values that asks the server at most once per range.
 *
 * @example const values = rangeValuesLoader(api); (await values({ from: '2026-10-12', to: '2026-10-19' })).outcome // ['open']
 */
export function rangeValuesLoader(api: ApiClient): (range: DateRange) => Promise<RangeValues> {
  const cache = new Map<string, Promise<RangeValues>>();
  // No abort signal: the answer is shared, and one leaving view must not cancel it for the others.
  return (range) => {
    const key = `${range.from}|${range.to}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = api.get<DimensionValuesAnswer>('/api/metrics/dimension-values', { from: range.from, to: range.to }).then(toRangeValues);
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  };
}
