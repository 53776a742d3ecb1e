/**
 * Reading calendars back as the API and the dashboard show them: weekly hours,
 * exceptions with their source, and which years of the range rest on a known
 * official arrangement. Reads use the reader pool.
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { CalendarResponse } from './calendar-api-schemas.ts';
import { CALENDAR_RANGE, RANGE_FIRST_YEAR, RANGE_LAST_YEAR } from './calendar-range.ts';
import type { CalendarRef } from './calendar-sql.ts';
import { clockOfMinutes } from './clock-time.ts';

type CalendarRow = {
  calendar_id: string; name: string; time_zone: string; continuous: boolean;
  holiday_source: string | null; builtin: boolean; utc_offset_s: number | null;
};
type HoursRow = { calendar_id: string; weekday: number; start_min: number; end_min: number };
type ExceptionRow = {
  calendar_id: string; day: string; is_working: boolean; name: string; source: 'official' | 'admin';
  in_force: boolean; updated_at: Date; updated_by: string;
};
type YearRow = { calendar_id: string; year: number; source: string };

function groupBy<T extends { calendar_id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.calendar_id);
    if (list) list.push(r);
    else out.set(r.calendar_id, [r]);
  }
  return out;
}

function coverage(cal: CalendarRow, years: YearRow[]): CalendarResponse['coverage'] {
  const range = { from: CALENDAR_RANGE.from, to: CALENDAR_RANGE.to };
  // Without an official arrangement to follow there is nothing to fall back from.
  if (cal.continuous || !cal.holiday_source) return { range, official_source: null, official_years: [], fallback_years: [] };
  const known = new Set(years.map((y) => y.year));
  const official: number[] = [];
  const fallback: number[] = [];
  for (let y = RANGE_FIRST_YEAR; y <= RANGE_LAST_YEAR; y++) (known.has(y) ? official : fallback).push(y);
  return { range, official_source: years[0]?.source ?? null, official_years: official, fallback_years: fallback };
}

/** Every calendar (or the one asked for), built-in ones first. */
export async function listCalendars(wh: Warehouse, onlyId?: string): Promise<CalendarResponse[]> {
  const where = onlyId === undefined ? '' : 'WHERE calendar_id = $1';
  const params = onlyId === undefined ? [] : [onlyId];
  const [cals, hours, exceptions, years] = await Promise.all([
    wh.query<CalendarRow>(`SELECT * FROM calendars ${where} ORDER BY NOT builtin, calendar_id`, params),
    wh.query<HoursRow>(`SELECT * FROM calendar_hours ${where} ORDER BY weekday, start_min`, params),
    wh.query<ExceptionRow>(
      `SELECT calendar_id, CAST(day AS VARCHAR) AS day, is_working, name, source,
         source = 'admin' OR NOT EXISTS (SELECT 1 FROM calendar_exceptions a
           WHERE a.calendar_id = e.calendar_id AND a.day = e.day AND a.source = 'admin') AS in_force,
         updated_at, updated_by
       FROM calendar_exceptions e
       WHERE day BETWEEN DATE '${CALENDAR_RANGE.from}' AND DATE '${CALENDAR_RANGE.to}' ${onlyId === undefined ? '' : 'AND calendar_id = $1'}
       ORDER BY day, source`,
      params,
    ),
    wh.query<YearRow>(`SELECT * FROM calendar_official_years ${where} ORDER BY year`, params),
  ]);
  const [h, e, y] = [groupBy(hours), groupBy(exceptions), groupBy(years)];
  return cals.map((cal) => ({
    id: cal.calendar_id,
    name: cal.name,
    time_zone: cal.time_zone,
    continuous: cal.continuous,
    holidays: cal.holiday_source === 'cn-official' ? 'cn-official' : 'none',
    builtin: cal.builtin,
    weekly_hours: (h.get(cal.calendar_id) ?? []).map((r) => ({ weekday: r.weekday, start: clockOfMinutes(r.start_min), end: clockOfMinutes(r.end_min) })),
    exceptions: (e.get(cal.calendar_id) ?? []).map((r) => ({
      day: r.day, is_working: r.is_working, name: r.name, source: r.source, in_force: r.in_force,
      updated_at: r.updated_at.toISOString(), updated_by: r.updated_by,
    })),
    coverage: coverage(cal, y.get(cal.calendar_id) ?? []),
  }));
}

/**
 * What a metric query needs to build calendar SQL (calendarLiteral); undefined
 * for an unknown id.
 * @example
 *   const cal = calendarLiteral((await calendarRef(wh, 'cn-workdays'))!);
 */
export async function calendarRef(wh: Warehouse, id: string): Promise<CalendarRef | undefined> {
  const [row] = await wh.query<CalendarRow>('SELECT * FROM calendars WHERE calendar_id = $1', [id]);
  return row && { id: row.calendar_id, timeZone: row.time_zone, continuous: row.continuous, utcOffsetS: row.utc_offset_s };
}
