/**
 * The silence page's own URL keys (web/README.md "Page and overlay keys"), so an
 * auditor's view of the unanswered-case queue (its quick filters and page) and
 * the trend's grain survive a reload, can be sent to a colleague, and "back"
 * undoes a change:
 *
 *   ?sgrain=week                 the silence trend's grain (default: from the range)
 *   &qf.channel=phone,web        the queue's quick filters, on top of the global ones
 *   &qf.agent=A1                 (channel, queue, category, agent)
 *   &qpage=2                     the queue's page
 */
import { daysBetween } from '../calendar-dates.ts';
import type { DateRange } from '../global-filters.ts';
import { GRAINS, type Grain } from '../trend-params.ts';

/** The queue's quick-filter dimensions: all are dimensions of silence_rate (METRICS.md "Silence"). */
export const QUEUE_DIMS = ['channel', 'queue', 'category', 'agent'] as const;
export type QueueDim = (typeof QUEUE_DIMS)[number];
export type QuickFilters = Record<QueueDim, string[]>;

export interface SilenceParams {
  grain: Grain;
  quick: QuickFilters;
  page: number;
}

const QUICK_PREFIX = 'qf.';
/** Beyond about two months a daily line has too many points to read. */
const DAILY_UP_TO_DAYS = 62;
/** Hourly points beyond a month are a wall of noise (744 per line). */
const HOURLY_UP_TO_DAYS = 31;

/** One day is read by the hour, up to two months by the day, beyond by the week. */
export function defaultGrain(range: DateRange): Grain {
  const days = daysBetween(range.from, range.to);
  if (days <= 1) return 'hour';
  return days <= DAILY_UP_TO_DAYS ? 'day' : 'week';
}

/** The grains the switch offers for a range. */
export function grainsFor(range: DateRange): Grain[] {
  return GRAINS.filter((g) => g !== 'hour' || daysBetween(range.from, range.to) <= HOURLY_UP_TO_DAYS);
}

function list(raw: string | null): string[] {
  return raw ? [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))] : [];
}

export function parseSilenceParams(params: URLSearchParams, range: DateRange): SilenceParams {
  const wanted = params.get('sgrain');
  const grain = grainsFor(range).find((g) => g === wanted) ?? defaultGrain(range);
  const quick = Object.fromEntries(QUEUE_DIMS.map((d) => [d, list(params.get(QUICK_PREFIX + d))])) as QuickFilters;
  const page = Number(params.get('qpage') ?? '1');
  return { grain, quick, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/**
 * The keys to patch for a change; defaults are left out so links stay short.
 * New quick filters start the queue again at page 1 (the old page may not exist).
 */
export function silenceParamsPatch(next: Partial<SilenceParams>, range: DateRange): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  if (next.grain) patch.sgrain = next.grain === defaultGrain(range) ? null : next.grain;
  if (next.quick) {
    for (const d of QUEUE_DIMS) patch[QUICK_PREFIX + d] = next.quick[d].length ? next.quick[d].join(',') : null;
    patch.qpage = null;
  }
  if (next.page !== undefined) patch.qpage = next.page > 1 ? String(next.page) : null;
  return patch;
}
