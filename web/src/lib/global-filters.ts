/**
 * The global filters (date range, channel, queue, priority, category) and their
 * query-string form, so every view is a bookmarkable URL. Ranges are half-open
 * `[from, to)` in calendar dates of the platform zone, exactly as the API reads
 * them (API.md "Common parameters"). A preset is stored as its name, not as
 * dates, so a bookmark of "last 7 days" still means the last 7 days tomorrow.
 */
import { addDays, daysBetween, isIsoDate, monthStart, todayIn, type IsoDate } from './calendar-dates.ts';

export const PRESETS = ['today', 'last7', 'last30', 'month'] as const;
export type Preset = (typeof PRESETS)[number];

/** The attribute filters of the filter bar (METRICS.md group-by dimensions shared by most metrics). */
export const FILTER_DIMS = ['channel', 'queue', 'priority', 'category'] as const;
export type FilterDim = (typeof FILTER_DIMS)[number];

export interface DateRange {
  from: IsoDate;
  /** Exclusive. */
  to: IsoDate;
}

export interface GlobalFilters extends DateRange, Record<FilterDim, string[]> {
  preset: Preset | null;
}

/** What a link without a range shows: a week is long enough for a trend, short enough to load at once. */
export const DEFAULT_PRESET: Preset = 'last7';

/** Query keys owned by the global filters; every other key belongs to the page. */
export const FILTER_KEYS: readonly string[] = ['preset', 'from', 'to', ...FILTER_DIMS];

const isPreset = (s: string | null): s is Preset => (PRESETS as readonly string[]).includes(s ?? '');

/**
 * A preset's range. Each ends with today (today is partly over, its contacts
 * mostly pending): "last 7 days" is today and the six days before it.
 *
 * @example presetRange('month', new Date('2026-10-17T02:00:00Z'), 'Asia/Shanghai') // { from: '2026-10-01', to: '2026-10-18' }
 */
export function presetRange(preset: Preset, now: Date, timeZone: string): DateRange {
  const today = todayIn(timeZone, now);
  const to = addDays(today, 1);
  switch (preset) {
    case 'today': return { from: today, to };
    case 'last7': return { from: addDays(today, -6), to };
    case 'last30': return { from: addDays(today, -29), to };
    case 'month': return { from: monthStart(today), to };
  }
}

function listParam(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Reads the filters from a query string; anything missing or malformed falls back to the default preset. */
export function parseFilters(search: string | URLSearchParams, now: Date, timeZone: string): GlobalFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const dims = Object.fromEntries(FILTER_DIMS.map((d) => [d, listParam(params, d)])) as Record<FilterDim, string[]>;
  const preset = params.get('preset');
  const from = params.get('from');
  const to = params.get('to');
  if (!isPreset(preset) && isIsoDate(from) && isIsoDate(to) && from < to) return { preset: null, from, to, ...dims };
  const chosen = isPreset(preset) ? preset : DEFAULT_PRESET;
  return { preset: chosen, ...presetRange(chosen, now, timeZone), ...dims };
}

/** The filters as query pairs, in a stable order; empty lists are left out. */
export function filtersToParams(f: GlobalFilters): [string, string][] {
  const out: [string, string][] = f.preset ? [['preset', f.preset]] : [['from', f.from], ['to', f.to]];
  for (const d of FILTER_DIMS) if (f[d].length) out.push([d, f[d].join(',')]);
  return out;
}

/** `search` with its global filter keys replaced by `f`; the page's own keys are kept. */
export function withFilters(search: string, f: GlobalFilters): string {
  const params = new URLSearchParams(search);
  for (const k of FILTER_KEYS) params.delete(k);
  const next = new URLSearchParams(filtersToParams(f));
  for (const [k, v] of params) next.append(k, v);
  const s = next.toString();
  return s ? `?${s}` : '';
}

/** Only the global filters of `search` (for links that change page). */
export function filtersOnly(search: string): string {
  const params = new URLSearchParams(search);
  const kept = [...params].filter(([k]) => FILTER_KEYS.includes(k));
  return kept.length ? `?${new URLSearchParams(kept)}` : '';
}

/** The period of the same length just before (the tiles' comparison). */
export function previousRange(r: DateRange): DateRange {
  const days = daysBetween(r.from, r.to);
  return { from: addDays(r.from, -days), to: r.from };
}

/** The API's scope parameters for these filters, over `range` (default the filters' own). */
export function scopeParams(f: GlobalFilters, range: DateRange = f): Record<string, string> {
  const out: Record<string, string> = { from: range.from, to: range.to };
  for (const d of FILTER_DIMS) if (f[d].length) out[d] = f[d].join(',');
  return out;
}

/**
 * The global filters in `scope` that a metric refuses (not among its definition's dimensions).
 *
 * @example refusedFilters(['source', 'category'], { from: '2026-10-12', channel: 'phone', category: 'product' }) // ['channel']
 */
export function refusedFilters(dimensions: readonly string[] | undefined, scope: Record<string, string>): string[] {
  if (!dimensions) return [];
  return FILTER_DIMS.filter((d) => scope[d] !== undefined && !dimensions.includes(d));
}
