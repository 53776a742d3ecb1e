/**
 * Changing calendars: an admin's exceptions (company closures, extra working
 * days) and new calendars. Each change runs on the writer in one transaction
 * with the rebuild of the calendar's `calendar_days`, so a metric query sees the
 * old days or the new ones, never a mix. Reading is in calendar-listing.ts.
 *
 * Refusals are `CalendarRefused` with the parameter at fault; the routes turn
 * them into 400/404/409.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../db/run-sql.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { CalendarResponse } from './calendar-api-schemas.ts';
import { listCalendars } from './calendar-listing.ts';
import { minutesOfClock } from './clock-time.ts';
import { CN_OFFICIAL, officialCnArrangement } from './official-cn-days.ts';
import { rebuildCalendarDays } from './rebuild-calendar-days.ts';
import { writeOfficialDays } from './sync-official-days.ts';

export class CalendarRefused extends Error {
  constructor(
    readonly kind: 'invalid' | 'not_found' | 'conflict',
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarRefused';
  }
}

export interface NewCalendar {
  id: string;
  name: string;
  time_zone: string;
  continuous: boolean;
  weekly_hours: Array<{ weekday: number; start: string; end: string }>;
  holidays: 'cn-official' | 'none';
}

async function changeCalendar(wh: Warehouse, id: string, fn: (c: DuckDBConnection) => Promise<void>): Promise<CalendarResponse> {
  await wh.withWriter((c) =>
    inTransaction(c, async () => {
      await fn(c);
      await rebuildCalendarDays(c, id);
    }),
  );
  const [cal] = await listCalendars(wh, id);
  return cal!;
}

/** The calendar must exist and have working days to change. */
async function workingCalendar(c: DuckDBConnection, id: string): Promise<void> {
  const [cal] = await runQuery<{ continuous: boolean }>(c, 'SELECT continuous FROM calendars WHERE calendar_id = $1', [id]);
  if (!cal) throw new CalendarRefused('not_found', 'id', `no calendar '${id}'`);
  if (cal.continuous) throw new CalendarRefused('invalid', 'id', `'${id}' counts every second; it has no working days to change`);
}

/**
 * Sets the admin exception of a day (a closure, or an extra working day); it
 * overrides the official arrangement for that day.
 * @example await setAdminDay(wh, 'cn-workdays', '2026-02-13', { is_working: false, name: '公司年会 company offsite' }, 'local-admin');
 */
export function setAdminDay(wh: Warehouse, id: string, day: string, value: { is_working: boolean; name: string }, by: string): Promise<CalendarResponse> {
  return changeCalendar(wh, id, async (c) => {
    await workingCalendar(c, id);
    await c.run(`DELETE FROM calendar_exceptions WHERE calendar_id = $1 AND day = $2 AND source = 'admin'`, [id, day]);
    await c.run(
      `INSERT INTO calendar_exceptions (calendar_id, day, source, is_working, name, updated_by) VALUES ($1, $2, 'admin', $3, $4, $5)`,
      [id, day, value.is_working, value.name, by],
    );
  });
}

/** Removes the admin exception of a day; the official arrangement (or the weekly hours) applies again. */
export function removeAdminDay(wh: Warehouse, id: string, day: string): Promise<CalendarResponse> {
  return changeCalendar(wh, id, async (c) => {
    await workingCalendar(c, id);
    const [gone] = await runQuery<{ Count: number }>(c, `DELETE FROM calendar_exceptions WHERE calendar_id = $1 AND day = $2 AND source = 'admin'`, [id, day]);
    if (!gone?.Count) throw new CalendarRefused('not_found', 'day', `'${id}' has no admin exception on ${day}`);
  });
}

/** Weekly intervals in minutes, refused when two of one weekday overlap. */
function weeklyMinutes(spec: NewCalendar): Array<[number, number, number]> {
  const rows = spec.weekly_hours
    .map((i): [number, number, number] => [i.weekday, minutesOfClock(i.start), minutesOfClock(i.end)])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (prev && prev[0] === r[0] && r[1] < prev[2]) throw new CalendarRefused('invalid', 'weekly_hours', `two intervals overlap on weekday ${r[0]}`);
  });
  if (spec.continuous && rows.length) throw new CalendarRefused('invalid', 'weekly_hours', 'a continuous calendar counts every second; give no weekly hours');
  if (spec.continuous && spec.holidays !== 'none') throw new CalendarRefused('invalid', 'holidays', "a continuous calendar has no holidays; use 'none'");
  if (!spec.continuous && !rows.length) throw new CalendarRefused('invalid', 'weekly_hours', 'a working calendar needs at least one weekly interval');
  return rows;
}

/** Creates a calendar and its days. */
export async function createCalendar(wh: Warehouse, spec: NewCalendar, by: string): Promise<CalendarResponse> {
  const hours = weeklyMinutes(spec);
  const holidaySource = spec.holidays === 'cn-official' ? CN_OFFICIAL : null;
  return changeCalendar(wh, spec.id, async (c) => {
    const [zone] = await runQuery<{ n: number }>(c, 'SELECT count(*) AS n FROM pg_timezone_names() WHERE name = $1', [spec.time_zone]);
    if (!zone?.n) throw new CalendarRefused('invalid', 'time_zone', `unknown time zone '${spec.time_zone}'; expected an IANA name such as Asia/Shanghai`);
    const [taken] = await runQuery(c, 'SELECT 1 FROM calendars WHERE calendar_id = $1', [spec.id]);
    if (taken) throw new CalendarRefused('conflict', 'id', `a calendar '${spec.id}' exists already`);
    await c.run(
      `INSERT INTO calendars (calendar_id, name, time_zone, continuous, holiday_source, builtin, created_by) VALUES ($1, $2, $3, $4, $5, false, $6)`,
      [spec.id, spec.name, spec.time_zone, spec.continuous, holidaySource, by],
    );
    for (const [weekday, start, end] of hours) await c.run('INSERT INTO calendar_hours VALUES ($1, $2, $3, $4)', [spec.id, weekday, start, end]);
    if (holidaySource) await writeOfficialDays(c, spec.id, officialCnArrangement());
  });
}
