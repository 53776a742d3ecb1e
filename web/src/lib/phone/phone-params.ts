/**
 * The phone page's own URL keys (web/README.md "Page and overlay keys"), so a
 * view with its switches can be bookmarked and "back" undoes a switch:
 *
 *   ?wait=answered      the wait histogram counts answered calls only (default: every offered call)
 *   &cbgrain=week       the callbacks chart by week (default: by day up to 62 days, else by week)
 */
import { daysBetween } from '../calendar-dates.ts';
import type { DateRange } from '../global-filters.ts';

export const WAIT_VIEWS = ['offered', 'answered'] as const;
export type WaitView = (typeof WAIT_VIEWS)[number];

/** The callbacks chart's lines (METRICS.md "Phone (queue) metrics"). */
export const CALLBACK_METRICS = ['callback_kept', 'callback_missed_obligation'] as const;

export const CALLBACK_GRAINS = ['day', 'week'] as const;
export type CallbackGrain = (typeof CALLBACK_GRAINS)[number];

export interface PhoneParams {
  wait: WaitView;
  cbGrain: CallbackGrain;
}

/** Beyond about two months a daily line has too many points to read; weeks then. */
const DAILY_UP_TO_DAYS = 62;

export function defaultCallbackGrain(range: DateRange): CallbackGrain {
  return daysBetween(range.from, range.to) > DAILY_UP_TO_DAYS ? 'week' : 'day';
}

export function parsePhoneParams(params: URLSearchParams, range: DateRange): PhoneParams {
  const wait = params.get('wait');
  const grain = params.get('cbgrain');
  return {
    wait: wait === 'answered' ? 'answered' : 'offered',
    cbGrain: grain === 'day' || grain === 'week' ? grain : defaultCallbackGrain(range),
  };
}

/** The keys to patch for a change; a default value is removed, keeping links short. */
export function phoneParamsPatch(next: Partial<PhoneParams>, range: DateRange): Record<string, string | null> {
  const patch: Record<string, string | null> = {};
  if (next.wait) patch.wait = next.wait === 'offered' ? null : next.wait;
  if (next.cbGrain) patch.cbgrain = next.cbGrain === defaultCallbackGrain(range) ? null : next.cbGrain;
  return patch;
}
