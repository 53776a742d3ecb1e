/**
 * SQL builders for calendar arithmetic inside metric queries (METRICS.md "Time"
 * and "SLA attainment"). Pure functions returning SQL text; nothing runs per row
 * in JS. Every instant is joined once to its local day in `calendar_days`, and
 * the answers are arithmetic on that row:
 *
 * - the *working clock* of an instant = working seconds of the range before its
 *   day (`cum_s_before`) + the part of its day's intervals before it; working
 *   seconds between two instants = clock(b) − clock(a);
 * - "N working days after t" = the end of the working day whose running count of
 *   working days (`cum_days`) is that of t's day + N: one equality join.
 *
 * Arguments are SQL expressions (a column such as `t.opened_at`, or a literal
 * from `sqlLiteral`), spliced as given: pass only SQL the caller wrote, never
 * request text. Instants outside the materialized range (calendar-range.ts) have
 * no day row and give NULL, as do NULL instants.
 */

/** A calendar as SQL sees it. */
export interface CalendarSql {
  /** SQL expression of the calendar id (a literal, or a column for per-row calendars). */
  id: string;
  /** SQL expression of its IANA time zone. */
  zone: string;
  /**
   * SQL expression of the zone's constant UTC offset in seconds (`calendars.utc_offset_s`),
   * NULL-valued when the zone has DST. When given, an instant's local day is
   * integer arithmetic instead of ICU's timezone(), about 3x faster overall.
   */
  utcOffsetS?: string;
  /**
   * true when known at build time to be continuous (24x7): then the builders use
   * plain epoch arithmetic and no joins. Leave undefined for per-row calendars:
   * continuous calendars have day rows too, so the join path is right for them.
   */
  continuous?: boolean;
}

/** An instant and the alias of its joined `calendar_days` row (see joinCalendarDay). */
export interface InstantOnDay {
  at: string;
  day: string;
}

/** A SQL string literal. @example sqlLiteral("it's") // "'it''s'" */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** What calendarLiteral needs; `CalendarsService.ref(id)` returns it. */
export interface CalendarRef {
  id: string;
  timeZone: string;
  continuous: boolean;
  utcOffsetS: number | null;
}

/**
 * A calendar known when the query is built (the usual case: a policy names it).
 * @example
 *   const cal = calendarLiteral({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', continuous: false, utcOffsetS: 28800 });
 *   // { id: "'cn-workdays'", zone: "'Asia/Shanghai'", utcOffsetS: '28800', continuous: false }
 */
export function calendarLiteral(cal: CalendarRef): CalendarSql {
  const out: CalendarSql = { id: sqlLiteral(cal.id), zone: sqlLiteral(cal.timeZone), continuous: cal.continuous };
  if (cal.utcOffsetS !== null) out.utcOffsetS = String(Math.trunc(cal.utcOffsetS));
  return out;
}

/**
 * A calendar that differs per row (e.g. `policy_sla_targets.calendar`): join its
 * `calendars` row with joinCalendar and use calendarColumns of that alias.
 * @example
 *   `FROM targets p ${joinCalendar('p.calendar', 'pc')}` // then calendarColumns('pc')
 */
export function joinCalendar(idSql: string, alias: string): string {
  return `LEFT JOIN calendars AS ${alias} ON ${alias}.calendar_id = ${idSql}`;
}

/** @example calendarColumns('pc') // { id: 'pc.calendar_id', zone: 'pc.time_zone', utcOffsetS: 'pc.utc_offset_s' } */
export function calendarColumns(alias: string): CalendarSql {
  return { id: `${alias}.calendar_id`, zone: `${alias}.time_zone`, utcOffsetS: `${alias}.utc_offset_s` };
}

/** Local day number (days since 1970-01-01) by arithmetic on a fixed offset. */
function dayNumber(at: string, offset: string): string {
  const offsetUs = /^-?\d+$/.test(offset) ? String(BigInt(offset) * 1_000_000n) : `CAST(${offset} AS BIGINT) * 1000000`;
  return `((epoch_us(${at}) + ${offsetUs}) // 86400000000)`;
}

/**
 * The local calendar day (DATE) of an instant on the calendar.
 * @example
 *   localDay(cn, 't.opened_at') // (DATE '1970-01-01' + CAST(((epoch_us(t.opened_at) + 28800000000) // 86400000000) AS INTEGER))
 */
export function localDay(cal: CalendarSql, at: string): string {
  const viaZone = `CAST(timezone(${cal.zone}, ${at}) AS DATE)`;
  if (cal.utcOffsetS === undefined) return viaZone;
  const viaOffset = `(DATE '1970-01-01' + CAST(${dayNumber(at, cal.utcOffsetS)} AS INTEGER))`;
  return /^-?\d+$/.test(cal.utcOffsetS) ? viaOffset : `CASE WHEN ${cal.utcOffsetS} IS NULL THEN ${viaZone} ELSE ${viaOffset} END`;
}

/**
 * Joins the `calendar_days` row of the local day of `at` as `alias` (a LEFT JOIN:
 * rows are kept, with NULL answers outside the range). Empty for a continuous
 * literal calendar, whose builders need no join.
 * @example
 *   joinCalendarDay(cn, 't.opened_at', 'd_open')
 *   // LEFT JOIN calendar_days AS d_open ON d_open.calendar_id = 'cn-workdays'
 *   //   AND d_open.day = (DATE '1970-01-01' + CAST(((epoch_us(t.opened_at) + 28800000000) // 86400000000) AS INTEGER))
 */
export function joinCalendarDay(cal: CalendarSql, at: string, alias: string): string {
  if (cal.continuous) return '';
  return `LEFT JOIN calendar_days AS ${alias} ON ${alias}.calendar_id = ${cal.id} AND ${alias}.day = ${localDay(cal, at)}`;
}

/**
 * Working seconds of the calendar's range before the instant (DOUBLE; exact to the
 * microsecond). Only differences of two clocks on the same calendar mean anything.
 * @example
 *   workingClock(cal, 't.opened_at', 'd_open')
 *   // d_open.cum_s_before + coalesce(list_sum(list_transform(d_open.intervals,
 *   //   lambda x: greatest(0, least(<seconds since d_open.day_start>, x.e) - x.s))), 0)
 */
export function workingClock(cal: CalendarSql, at: string, day: string): string {
  if (cal.continuous) return `epoch(${at})`;
  const intoDay = `((epoch_us(${at}) - epoch_us(${day}.day_start)) / 1000000.0)`;
  return `(${day}.cum_s_before + coalesce(list_sum(list_transform(${day}.intervals, lambda x: greatest(0, least(${intoDay}, x.e) - x.s))), 0))`;
}

/**
 * Working seconds between two instants (from ≤ to) on the calendar: METRICS.md "a
 * duration on a calendar". For a continuous calendar, the plain difference.
 * @example
 *   const sql = `SELECT ${workingSeconds(cal, { at: 't.opened_at', day: 'da' }, { at: 't.first_reply_at', day: 'db' })} AS frt_s
 *     FROM fact_tickets t
 *     ${joinCalendarDay(cal, 't.opened_at', 'da')}
 *     ${joinCalendarDay(cal, 't.first_reply_at', 'db')}`;
 */
export function workingSeconds(cal: CalendarSql, from: InstantOnDay, to: InstantOnDay): string {
  if (cal.continuous) return `(epoch(${to.at}) - epoch(${from.at}))`;
  return `(${workingClock(cal, to.at, to.day)} - ${workingClock(cal, from.at, from.day)})`;
}

/** N as SQL: a JS integer or an SQL expression (e.g. a policy column). */
function nSql(n: number | string): string {
  if (typeof n === 'number') {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`N working days must be a whole number ≥ 0, got ${n}`);
    return String(n);
  }
  return `(${n})`;
}

/**
 * Joins, as `alias`, the N-th working day after the local day of `from` (the day
 * row of `from` must be joined already). N = 0 means the day of `from` itself when
 * it is a working day, else the next working day. Empty for a continuous literal
 * calendar.
 * @example
 *   joinWorkingDaysAfter(cal, { at: 'c.received_at', day: 'dr' }, 7, 'd7')
 *   // LEFT JOIN calendar_days AS d7 ON d7.calendar_id = 'cn-workdays' AND d7.is_working
 *   //   AND d7.cum_days = dr.cum_days + 7
 */
export function joinWorkingDaysAfter(cal: CalendarSql, from: InstantOnDay, n: number | string, alias: string): string {
  if (cal.continuous) return '';
  const count = nSql(n);
  return `LEFT JOIN calendar_days AS ${alias} ON ${alias}.calendar_id = ${cal.id} AND ${alias}.is_working AND ${alias}.cum_days = ${from.day}.cum_days + ${count}${zeroStep(n, count, from.day)}`;
}

/**
 * For N = 0 from a non-working day, one more: the count of a non-working day
 * equals that of the working day before it, which has already ended.
 */
function zeroStep(n: number | string, count: string, day: string): string {
  if (typeof n === 'number') return n === 0 ? ` + CASE WHEN ${day}.is_working THEN 0 ELSE 1 END` : '';
  return ` + CASE WHEN ${count} = 0 AND NOT ${day}.is_working THEN 1 ELSE 0 END`;
}

/**
 * "N working days after t" (METRICS.md "Time"): the instant of 24:00 local at the
 * end of the N-th working day after t's local day (TIMESTAMPTZ). A stop at or
 * before it is within target. Use with joinWorkingDaysAfter under the same alias.
 * @example
 *   // t = Friday 2025-09-12 15:00 +08:00, N = 1 on cn-workdays → Monday 2025-09-15 24:00 +08:00
 *   workingDaysAfter(cal, { at: 'c.received_at', day: 'dr' }, 1, 'd1') // 'd1.day_end'
 */
export function workingDaysAfter(cal: CalendarSql, from: InstantOnDay, n: number | string, alias: string): string {
  if (!cal.continuous) return `${alias}.day_end`;
  // Every day of a continuous calendar is a working day: the end of day + N.
  return `timezone(${cal.zone}, CAST(${localDay(cal, from.at)} + CAST(${nSql(n)} AS INTEGER) + 1 AS TIMESTAMP))`;
}

/**
 * Whether the instant's local day was computed from a known official arrangement
 * (false: the weekly hours stood in for it, METRICS.md "Time": say so next to the
 * number). Outside the range: false.
 * @example officialAt(cal, 'd_open') // 'coalesce(d_open.official, false)'
 */
export function officialAt(cal: CalendarSql, day: string): string {
  return cal.continuous ? 'true' : `coalesce(${day}.official, false)`;
}

/**
 * Whether any local day from `fromDay` through `toDay` (both joined day rows,
 * fromDay ≤ toDay) used the fallback: the warning for a working time or a
 * deadline that crosses into a year without official data. A missing day row
 * (outside the range, or a NULL instant: pass `as_of` for a clock still
 * running) counts as fallback.
 * @example
 *   usedFallback(cal, 'da', 'db')
 *   // coalesce(db.cum_fallback_days - da.cum_fallback_days + CASE WHEN da.official THEN 0 ELSE 1 END > 0, true)
 */
export function usedFallback(cal: CalendarSql, fromDay: string, toDay: string): string {
  if (cal.continuous) return 'false';
  return `coalesce(${toDay}.cum_fallback_days - ${fromDay}.cum_fallback_days + CASE WHEN ${fromDay}.official THEN 0 ELSE 1 END > 0, true)`;
}
