/**
 * The span of local days materialized in `calendar_days`. Instants outside it have
 * no day row, so the SQL builders return NULL for them rather than a guess. The
 * span reaches back before any data the product has seen and forward past any
 * deadline it will compute for years; widen it here and every calendar is
 * rebuilt at the next start (ensure-calendars.ts compares day counts).
 */
export const CALENDAR_RANGE = { from: '2015-01-01', to: '2035-12-31' } as const;

export const RANGE_FIRST_YEAR = Number(CALENDAR_RANGE.from.slice(0, 4));
export const RANGE_LAST_YEAR = Number(CALENDAR_RANGE.to.slice(0, 4));

/** Number of days in the range: the row count of each calendar in `calendar_days`. */
export const RANGE_DAYS = Math.round((Date.parse(CALENDAR_RANGE.to) - Date.parse(CALENDAR_RANGE.from)) / 86_400_000) + 1;

export function inCalendarRange(day: string): boolean {
  return day >= CALENDAR_RANGE.from && day <= CALENDAR_RANGE.to;
}
