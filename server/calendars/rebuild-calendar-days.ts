/**
 * Rematerializes `calendar_days` for one calendar from its definition, in SQL, on
 * the caller's connection (inside the caller's transaction, so metric queries see
 * either the old days or the new ones, never a mix).
 *
 * Rules (METRICS.md "Time"; issue 3 item 2):
 * - a continuous calendar works every second of every day;
 * - otherwise a day's exception decides whether it is working (admin over
 *   official), else the weekly hours do;
 * - a working day without weekly hours of its own (a make-up Saturday, an admin's
 *   extra working Sunday) works the hours of a normal working day: Monday's, or the
 *   first weekday that has hours;
 * - a day is `official` unless its calendar follows an official arrangement that
 *   is not known for the day's year (then the weekly hours are a fallback).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../db/run-sql.ts';
import { CALENDAR_RANGE } from './calendar-range.ts';

const REBUILD_SQL = `
INSERT INTO calendar_days (calendar_id, day, is_working, intervals, work_s, day_start, day_end,
                           cum_s_before, cum_days, official, cum_fallback_days)
WITH cal AS (
  SELECT calendar_id, time_zone, continuous, holiday_source FROM calendars WHERE calendar_id = $1
), weekly AS (
  SELECT weekday, list({'s': start_min * 60, 'e': end_min * 60} ORDER BY start_min) AS iv
  FROM calendar_hours WHERE calendar_id = $1 GROUP BY weekday
), usual AS (
  SELECT iv FROM weekly ORDER BY weekday LIMIT 1
), exc AS (
  -- false < true: the admin row (source <> 'admin' is false) wins
  SELECT day, arg_min(is_working, source <> 'admin') AS is_working
  FROM calendar_exceptions WHERE calendar_id = $1 GROUP BY day
), years AS (
  SELECT DISTINCT year FROM calendar_official_years WHERE calendar_id = $1
), shaped AS (
  SELECT cal.calendar_id, d.day, cal.time_zone,
    timezone(cal.time_zone, CAST(d.day AS TIMESTAMP)) AS day_start,
    timezone(cal.time_zone, CAST(d.day + 1 AS TIMESTAMP)) AS day_end,
    cal.continuous OR coalesce(exc.is_working, weekly.iv IS NOT NULL) AS is_working,
    CASE WHEN cal.continuous THEN NULL
         WHEN coalesce(exc.is_working, weekly.iv IS NOT NULL) THEN coalesce(weekly.iv, (SELECT iv FROM usual), [])
         ELSE [] END AS wall_iv,
    cal.continuous OR cal.holiday_source IS NULL OR years.year IS NOT NULL AS official
  FROM cal
  CROSS JOIN (SELECT CAST(r.d AS DATE) AS day
              FROM range(DATE '${CALENDAR_RANGE.from}', DATE '${CALENDAR_RANGE.to}' + 1, INTERVAL 1 DAY) r(d)) d
  LEFT JOIN exc ON exc.day = d.day AND NOT cal.continuous
  LEFT JOIN weekly ON weekly.weekday = isodow(d.day)
  LEFT JOIN years ON years.year = year(d.day)
), timed AS (
  -- Wall-clock minutes become seconds after the day's start instant, so that
  -- DST days are exact: 24:00 maps to day_end.
  SELECT calendar_id, day, is_working, day_start, day_end, official,
    CASE WHEN wall_iv IS NULL
         THEN [{'s': 0, 'e': CAST((epoch_us(day_end) - epoch_us(day_start)) // 1000000 AS INTEGER)}]
         ELSE list_transform(wall_iv, lambda x: {
           's': CAST((epoch_us(timezone(time_zone, CAST(day AS TIMESTAMP) + to_seconds(x.s))) - epoch_us(day_start)) // 1000000 AS INTEGER),
           'e': CAST((epoch_us(timezone(time_zone, CAST(day AS TIMESTAMP) + to_seconds(x.e))) - epoch_us(day_start)) // 1000000 AS INTEGER)})
    END AS intervals
  FROM shaped
), summed AS (
  SELECT *, CAST(coalesce(list_sum(list_transform(intervals, lambda x: x.e - x.s)), 0) AS INTEGER) AS work_s FROM timed
)
SELECT calendar_id, day, is_working, intervals, work_s, day_start, day_end,
  coalesce(sum(work_s) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum_s_before,
  sum(CAST(is_working AS INTEGER)) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS cum_days,
  official,
  sum(CAST(NOT official AS INTEGER)) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING) AS cum_fallback_days
FROM summed
ORDER BY day`;

// A zone whose offset never changes over the range (Asia/Shanghai, UTC) lets
// metric SQL find an instant's local day with integer arithmetic: ICU's
// timezone() per row cost about 0.35 s per 2 M instants on the bench.
const OFFSET_SQL = `
UPDATE calendars SET utc_offset_s = (
  SELECT CASE WHEN count(DISTINCT off) = 1 THEN CAST(min(off) AS INTEGER) END
  FROM (SELECT (epoch_us(CAST(day AS TIMESTAMP)) - epoch_us(day_start)) // 1000000 AS off
        FROM calendar_days WHERE calendar_id = $1))
WHERE calendar_id = $1`;

/** Replaces the calendar's rows of `calendar_days`; returns the number of days written. */
export async function rebuildCalendarDays(c: DuckDBConnection, calendarId: string): Promise<number> {
  await c.run('DELETE FROM calendar_days WHERE calendar_id = $1', [calendarId]);
  const [row] = await runQuery<{ Count: number }>(c, REBUILD_SQL, [calendarId]);
  await c.run(OFFSET_SQL, [calendarId]);
  return Number(row?.Count ?? 0);
}
