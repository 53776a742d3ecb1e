/**
 * The seeded calendars and their materialized days: what `ensureCalendars` writes
 * (and does not rewrite), the days against the chinese-days package day by day,
 * the running totals the builders rely on, and the fast local-day arithmetic
 * against ICU's timezone().
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CALENDAR_RANGE, RANGE_DAYS } from '../../server/calendars/calendar-range.ts';
import { calendarLiteral, localDay } from '../../server/calendars/calendar-sql.ts';
import { setAdminDay, removeAdminDay } from '../../server/calendars/calendars-service.ts';
import { ensureCalendars } from '../../server/calendars/ensure-calendars.ts';
import { useCalendarWarehouse } from './calendar-fixture.ts';

const t = useCalendarWarehouse();
const require = createRequire(import.meta.url);
const pkg = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
const pkgVersion = (require('chinese-days/package.json') as { version: string }).version;

type DayRow = { day: string; is_working: boolean; work_s: number; cum_s_before: number; cum_days: number; official: boolean; cum_fallback_days: number };

describe('seeded calendars', () => {
  it('has 24x7 and cn-workdays, each with one row per day of the range', async () => {
    const rows = await t.wh.query(`SELECT calendar_id, time_zone, continuous, holiday_source, utc_offset_s,
        (SELECT count(*) FROM calendar_days d WHERE d.calendar_id = c.calendar_id) AS days FROM calendars c ORDER BY 1`);
    expect(rows).toEqual([
      { calendar_id: '24x7', time_zone: 'UTC', continuous: true, holiday_source: null, utc_offset_s: 0, days: RANGE_DAYS },
      { calendar_id: 'cn-workdays', time_zone: 'Asia/Shanghai', continuous: false, holiday_source: 'cn-official', utc_offset_s: 28800, days: RANGE_DAYS },
    ]);
    expect(RANGE_DAYS).toBe(7670); // 2015-01-01 .. 2035-12-31
  });

  it('takes the official years from the package (2004–2026 in 1.5.7), with its version', async () => {
    const years = await t.wh.query<{ year: number; source: string }>(`SELECT year, source FROM calendar_official_years WHERE calendar_id = 'cn-workdays' ORDER BY year`);
    const expected = [...new Set([...Object.keys(pkg.holidays), ...Object.keys(pkg.workdays)].map((d) => Number(d.slice(0, 4))))].sort();
    expect(years.map((y) => y.year)).toEqual(expected);
    expect(new Set(years.map((y) => y.source))).toEqual(new Set([`chinese-days@${pkgVersion}`]));
  });

  it('marks every day of cn-workdays as the package and the weekday say', async () => {
    const days = await t.wh.query<DayRow>(`SELECT CAST(day AS VARCHAR) AS day, is_working, work_s, cum_s_before, cum_days, official, cum_fallback_days
      FROM calendar_days WHERE calendar_id = 'cn-workdays' ORDER BY day`);
    expect(days[0]!.day).toBe(CALENDAR_RANGE.from);
    let wrong = 0;
    for (const d of days) {
      const weekday = new Date(`${d.day}T00:00:00Z`).getUTCDay(); // 0 Sunday
      const official = Number(d.day.slice(0, 4)) <= 2026;
      const working = d.day in pkg.workdays ? true : d.day in pkg.holidays ? false : weekday >= 1 && weekday <= 5;
      if (d.is_working !== working || d.work_s !== (working ? 9 * 3600 : 0) || d.official !== official) wrong++;
    }
    expect(wrong).toBe(0);
    // running totals: each day adds its own seconds and count
    for (let i = 1; i < days.length; i++) {
      const [p, d] = [days[i - 1]!, days[i]!];
      if (d.cum_s_before !== p.cum_s_before + p.work_s || d.cum_days !== p.cum_days + Number(d.is_working)
        || d.cum_fallback_days !== p.cum_fallback_days + Number(!d.official)) wrong++;
    }
    expect(wrong).toBe(0);
    expect(days.at(-1)!.cum_fallback_days).toBe(days.filter((d) => d.day >= '2027').length);
  });

  it('a second start rebuilds nothing, and admin rows survive it', async () => {
    await setAdminDay(t.wh, 'cn-workdays', '2025-09-16', { is_working: false, name: 'closure' }, 'test');
    const digest = () => t.wh.query(`SELECT md5(string_agg(CAST(d AS VARCHAR), '|' ORDER BY calendar_id, day)) AS h, count(*) AS n FROM calendar_days d`);
    const before = await digest();
    expect(await ensureCalendars(t.wh)).toEqual([]);
    expect(await digest()).toEqual(before);
    await removeAdminDay(t.wh, 'cn-workdays', '2025-09-16');
  });

  it('a package that differs from the stored official days (an upgrade) is applied at the next start', async () => {
    await t.wh.withWriter(async (c) => {
      await c.run(`DELETE FROM calendar_exceptions WHERE calendar_id = 'cn-workdays' AND source = 'official' AND year(day) = 2026`);
      await c.run(`DELETE FROM calendar_official_years WHERE calendar_id = 'cn-workdays' AND year = 2026`);
      await c.run(`DELETE FROM calendar_days WHERE calendar_id = '24x7' AND day = DATE '2035-12-31'`);
    });
    expect(await ensureCalendars(t.wh)).toEqual(['24x7', 'cn-workdays']);
    const [row] = await t.wh.query<{ working: boolean; official: boolean }>(
      `SELECT is_working AS working, official FROM calendar_days WHERE calendar_id = 'cn-workdays' AND day = DATE '2026-10-01'`);
    expect(row).toEqual({ working: false, official: true });
  });
});

describe('the local day of an instant', () => {
  it('by offset arithmetic equals ICU timezone() for 200,000 random instants', async () => {
    const cal = calendarLiteral({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', continuous: false, utcOffsetS: 28800 });
    const [row] = await t.wh.query<{ n: number; differ: number }>(`
      SELECT count(*) AS n, count(*) FILTER (WHERE ${localDay(cal, 'ts')} <> CAST(timezone('Asia/Shanghai', ts) AS DATE)) AS differ
      FROM (SELECT TIMESTAMPTZ '2015-01-01 00:00:00+00' + to_microseconds(CAST(random() * 20 * 365 * 86400e6 AS BIGINT)) AS ts FROM range(200000))`);
    expect(row).toEqual({ n: 200000, differ: 0 });
  });
});
