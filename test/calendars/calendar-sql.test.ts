/**
 * The builders' SQL text, as their @example comments show it (the tests in this
 * folder then run it against a real warehouse).
 */
import { describe, expect, it } from 'vitest';
import {
  calendarColumns, calendarLiteral, joinCalendarDay, joinWorkingDaysAfter, localDay, officialAt, sqlLiteral, usedFallback, workingDaysAfter, workingSeconds,
} from '../../server/calendars/calendar-sql.ts';

const cn = calendarLiteral({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', continuous: false, utcOffsetS: 28800 });
const x247 = calendarLiteral({ id: '24x7', timeZone: 'UTC', continuous: true, utcOffsetS: 0 });
const dst = calendarLiteral({ id: 'us-east', timeZone: 'America/New_York', continuous: false, utcOffsetS: null });
const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('calendar SQL builders', () => {
  it('quote literals', () => {
    expect(sqlLiteral("it's")).toBe("'it''s'");
    expect(cn).toEqual({ id: "'cn-workdays'", zone: "'Asia/Shanghai'", utcOffsetS: '28800', continuous: false });
    expect(dst.utcOffsetS).toBeUndefined();
  });

  it('find the local day by offset arithmetic, by ICU for a DST zone, and by either per row', () => {
    expect(localDay(cn, 't.opened_at')).toBe("(DATE '1970-01-01' + CAST(((epoch_us(t.opened_at) + 28800000000) // 86400000000) AS INTEGER))");
    expect(localDay(dst, 't.opened_at')).toBe("CAST(timezone('America/New_York', t.opened_at) AS DATE)");
    expect(localDay(calendarColumns('pc'), 'x')).toBe(
      "CASE WHEN pc.utc_offset_s IS NULL THEN CAST(timezone(pc.time_zone, x) AS DATE) ELSE (DATE '1970-01-01' + CAST(((epoch_us(x) + CAST(pc.utc_offset_s AS BIGINT) * 1000000) // 86400000000) AS INTEGER)) END",
    );
  });

  it('join the day of an instant, and need no join on 24x7', () => {
    expect(squash(joinCalendarDay(cn, 't.opened_at', 'd_open'))).toBe(
      "LEFT JOIN calendar_days AS d_open ON d_open.calendar_id = 'cn-workdays' AND d_open.day = (DATE '1970-01-01' + CAST(((epoch_us(t.opened_at) + 28800000000) // 86400000000) AS INTEGER))",
    );
    expect(joinCalendarDay(x247, 't.opened_at', 'd_open')).toBe('');
    expect(workingSeconds(x247, { at: 'a', day: 'da' }, { at: 'b', day: 'db' })).toBe('(epoch(b) - epoch(a))');
    expect(workingDaysAfter(x247, { at: 'a', day: 'da' }, 2, 'dn')).toBe(
      "timezone('UTC', CAST((DATE '1970-01-01' + CAST(((epoch_us(a) + 0) // 86400000000) AS INTEGER)) + CAST(2 AS INTEGER) + 1 AS TIMESTAMP))",
    );
    expect([officialAt(x247, 'da'), usedFallback(x247, 'da', 'db')]).toEqual(['true', 'false']);
  });

  it('count working seconds as the difference of two working clocks', () => {
    expect(workingSeconds(cn, { at: 'a', day: 'da' }, { at: 'b', day: 'db' })).toBe(
      '((db.cum_s_before + coalesce(list_sum(list_transform(db.intervals, lambda x: greatest(0, least(((epoch_us(b) - epoch_us(db.day_start)) / 1000000.0), x.e) - x.s))), 0))'
      + ' - (da.cum_s_before + coalesce(list_sum(list_transform(da.intervals, lambda x: greatest(0, least(((epoch_us(a) - epoch_us(da.day_start)) / 1000000.0), x.e) - x.s))), 0)))',
    );
  });

  it('find N working days after by one equality join on the running count', () => {
    const from = { at: 'c.received_at', day: 'dr' };
    expect(joinWorkingDaysAfter(cn, from, 7, 'd7')).toBe("LEFT JOIN calendar_days AS d7 ON d7.calendar_id = 'cn-workdays' AND d7.is_working AND d7.cum_days = dr.cum_days + 7");
    expect(joinWorkingDaysAfter(cn, from, 0, 'd0')).toBe(
      "LEFT JOIN calendar_days AS d0 ON d0.calendar_id = 'cn-workdays' AND d0.is_working AND d0.cum_days = dr.cum_days + 0 + CASE WHEN dr.is_working THEN 0 ELSE 1 END",
    );
    expect(joinWorkingDaysAfter(cn, from, 'p.days', 'dn')).toBe(
      "LEFT JOIN calendar_days AS dn ON dn.calendar_id = 'cn-workdays' AND dn.is_working AND dn.cum_days = dr.cum_days + (p.days) + CASE WHEN (p.days) = 0 AND NOT dr.is_working THEN 1 ELSE 0 END",
    );
    expect(workingDaysAfter(cn, from, 7, 'd7')).toBe('d7.day_end');
    expect(usedFallback(cn, 'dr', 'd7')).toBe('coalesce(d7.cum_fallback_days - dr.cum_fallback_days + CASE WHEN dr.official THEN 0 ELSE 1 END > 0, true)');
  });
});
