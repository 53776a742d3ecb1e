/**
 * `ensureCalendars(wh)`: run at every start, after the migrations. Idempotent:
 * - creates the built-in calendars if missing (never touches them afterwards, so
 *   an admin's edits survive restarts);
 * - brings the official exceptions of every calendar that follows the official
 *   arrangement in line with the installed `chinese-days` (a package upgrade
 *   that adds next year's notice takes effect at the next start);
 * - rebuilds `calendar_days` only for calendars whose official data changed or
 *   whose days do not cover the range, so a normal start writes nothing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../db/run-sql.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { CALENDAR_RANGE, RANGE_DAYS } from './calendar-range.ts';
import { CN_OFFICIAL, officialCnArrangement } from './official-cn-days.ts';
import { rebuildCalendarDays } from './rebuild-calendar-days.ts';
import { syncOfficialDays } from './sync-official-days.ts';

interface BuiltinCalendar {
  id: string;
  name: string;
  timeZone: string;
  continuous: boolean;
  holidaySource: string | null;
  /** [weekday, start minute, end minute] */
  hours: Array<[number, number, number]>;
}

const WEEKDAYS_9_TO_18: Array<[number, number, number]> = [1, 2, 3, 4, 5].map((d) => [d, 9 * 60, 18 * 60]);

export const BUILTIN_CALENDARS: readonly BuiltinCalendar[] = [
  { id: '24x7', name: 'Every second (24x7)', timeZone: 'UTC', continuous: true, holidaySource: null, hours: [] },
  {
    id: 'cn-workdays',
    name: '中国大陆工作日 Mainland China working days, 09:00–18:00',
    timeZone: 'Asia/Shanghai',
    continuous: false,
    holidaySource: CN_OFFICIAL,
    hours: WEEKDAYS_9_TO_18,
  },
];

async function insertBuiltin(c: DuckDBConnection, cal: BuiltinCalendar): Promise<void> {
  const [made] = await runQuery<{ Count: number }>(
    c,
    `INSERT INTO calendars (calendar_id, name, time_zone, continuous, holiday_source, builtin, created_by)
     VALUES ($1, $2, $3, $4, $5, true, 'system') ON CONFLICT DO NOTHING`,
    [cal.id, cal.name, cal.timeZone, cal.continuous, cal.holidaySource],
  );
  if (!made?.Count) return;
  for (const [weekday, start, end] of cal.hours) {
    await c.run('INSERT INTO calendar_hours VALUES ($1, $2, $3, $4)', [cal.id, weekday, start, end]);
  }
}

/** Calendars whose days do not cover exactly the range (new, or the range changed). */
async function uncovered(c: DuckDBConnection): Promise<string[]> {
  const rows = await runQuery<{ calendar_id: string }>(
    c,
    `SELECT c.calendar_id FROM calendars c
     LEFT JOIN (SELECT calendar_id, count(*) AS n, min(day) AS lo, max(day) AS hi FROM calendar_days GROUP BY calendar_id) d USING (calendar_id)
     WHERE d.n IS DISTINCT FROM $1 OR d.lo IS DISTINCT FROM CAST($2 AS DATE) OR d.hi IS DISTINCT FROM CAST($3 AS DATE)`,
    [RANGE_DAYS, CALENDAR_RANGE.from, CALENDAR_RANGE.to],
  );
  return rows.map((r) => r.calendar_id);
}

/** Seeds and refreshes the calendars; returns the ids whose days were rebuilt. */
export async function ensureCalendars(wh: Warehouse): Promise<string[]> {
  const pkg = officialCnArrangement();
  return wh.withWriter((c) =>
    inTransaction(c, async () => {
      for (const cal of BUILTIN_CALENDARS) await insertBuiltin(c, cal);
      const stale = new Set<string>();
      const official = await runQuery<{ calendar_id: string }>(c, 'SELECT calendar_id FROM calendars WHERE holiday_source = $1 ORDER BY calendar_id', [CN_OFFICIAL]);
      for (const { calendar_id } of official) if (await syncOfficialDays(c, calendar_id, pkg)) stale.add(calendar_id);
      for (const id of await uncovered(c)) stale.add(id);
      for (const id of stale) await rebuildCalendarDays(c, id);
      return [...stale].sort();
    }),
  );
}
