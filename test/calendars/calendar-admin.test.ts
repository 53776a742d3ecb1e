/**
 * What an admin changes, and what the calendars do where the official
 * arrangement is unknown: closures and extra working days move working time and
 * deadlines (and deleting them restores both), admin rows beat official ones,
 * 2027 falls back to Monday–Friday and is flagged, and created calendars with two
 * intervals a day or a DST zone count exactly.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar, removeAdminDay, setAdminDay, CalendarRefused } from '../../server/calendars/calendars-service.ts';
import { cst, useCalendarWarehouse } from './calendar-fixture.ts';

const H = 3600;
const t = useCalendarWarehouse();
const by = 'test-admin';

describe('admin exceptions on cn-workdays', () => {
  it('a closure day removes its working time and moves deadlines; deleting it restores both', async () => {
    const span = [cst('2025-09-15T10:00:00'), cst('2025-09-17T10:00:00')] as const; // Mon 8 h + Tue 9 h + Wed 1 h
    expect((await t.seconds('cn-workdays', ...span)).seconds).toBe(18 * H);
    expect((await t.daysAfter('cn-workdays', cst('2025-09-15T10:00:00'), 1)).end).toBe(cst('2025-09-17T00:00:00'));

    const cal = await setAdminDay(t.wh, 'cn-workdays', '2025-09-16', { is_working: false, name: '公司年会 company offsite' }, by);
    expect(cal.exceptions.find((e) => e.day === '2025-09-16')).toMatchObject({ source: 'admin', is_working: false, in_force: true, updated_by: by });
    expect((await t.seconds('cn-workdays', ...span)).seconds).toBe(9 * H);
    expect((await t.daysAfter('cn-workdays', cst('2025-09-15T10:00:00'), 1)).end).toBe(cst('2025-09-18T00:00:00'));

    const back = await removeAdminDay(t.wh, 'cn-workdays', '2025-09-16');
    expect(back.exceptions.find((e) => e.day === '2025-09-16')).toBeUndefined();
    expect((await t.seconds('cn-workdays', ...span)).seconds).toBe(18 * H);
    expect((await t.daysAfter('cn-workdays', cst('2025-09-15T10:00:00'), 1)).end).toBe(cst('2025-09-17T00:00:00'));
  });

  it('an extra working Saturday works the hours of a normal working day', async () => {
    await setAdminDay(t.wh, 'cn-workdays', '2025-09-13', { is_working: true, name: '加班 stocktake' }, by);
    expect((await t.seconds('cn-workdays', cst('2025-09-12T17:00:00'), cst('2025-09-15T10:00:00'))).seconds).toBe(11 * H);
    expect((await t.daysAfter('cn-workdays', cst('2025-09-12T15:00:00'), 1)).end).toBe(cst('2025-09-14T00:00:00'));
    await removeAdminDay(t.wh, 'cn-workdays', '2025-09-13');
    expect((await t.seconds('cn-workdays', cst('2025-09-12T17:00:00'), cst('2025-09-15T10:00:00'))).seconds).toBe(2 * H);
  });

  it('an admin row wins over the official one for its day, and the official one returns when it goes', async () => {
    const span = [cst('2025-09-30T10:00:00'), cst('2025-10-09T11:00:00')] as const;
    const cal = await setAdminDay(t.wh, 'cn-workdays', '2025-10-08', { is_working: true, name: 'we open on 8 Oct' }, by);
    const rows = cal.exceptions.filter((e) => e.day === '2025-10-08');
    expect(rows.map((e) => [e.source, e.is_working, e.in_force])).toEqual([['admin', true, true], ['official', false, false]]);
    expect((await t.seconds('cn-workdays', ...span)).seconds).toBe((8 + 9 + 2) * H);
    await removeAdminDay(t.wh, 'cn-workdays', '2025-10-08');
    expect((await t.seconds('cn-workdays', ...span)).seconds).toBe(10 * H);
  });

  it('refuses changes to 24x7, to unknown calendars, and deleting a day that has no admin row', async () => {
    await expect(setAdminDay(t.wh, '24x7', '2025-09-16', { is_working: false, name: 'x' }, by)).rejects.toMatchObject({ kind: 'invalid', parameter: 'id' });
    await expect(setAdminDay(t.wh, 'nope', '2025-09-16', { is_working: false, name: 'x' }, by)).rejects.toBeInstanceOf(CalendarRefused);
    await expect(removeAdminDay(t.wh, 'cn-workdays', '2025-10-01')).rejects.toMatchObject({ kind: 'not_found', parameter: 'day' });
  });
});

describe('a year without official data (2027)', () => {
  it('counts Monday to Friday, New Year included, and is flagged', async () => {
    // Fri 1 Jan 2027 (a holiday in every year so far, but not yet announced) and Mon 4 Jan
    expect(await t.seconds('cn-workdays', cst('2027-01-01T09:00:00'), cst('2027-01-04T18:00:00'))).toEqual({ seconds: 18 * H, fallback: true });
    expect(await t.daysAfter('cn-workdays', cst('2027-01-01T10:00:00'), 1)).toEqual({ end: cst('2027-01-05T00:00:00'), official: false, fallback: true });
  });

  it('flags a span or deadline that starts in a known year and ends in 2027', async () => {
    expect(await t.seconds('cn-workdays', cst('2026-12-31T17:00:00'), cst('2027-01-01T10:00:00'))).toEqual({ seconds: 2 * H, fallback: true });
    expect(await t.daysAfter('cn-workdays', cst('2026-12-31T10:00:00'), 1)).toEqual({ end: cst('2027-01-02T00:00:00'), official: true, fallback: true });
    expect(await t.seconds('cn-workdays', cst('2026-12-30T17:00:00'), cst('2026-12-31T10:00:00'))).toEqual({ seconds: 2 * H, fallback: false });
  });

  it('an admin closure applies in a fallback year too', async () => {
    await setAdminDay(t.wh, 'cn-workdays', '2027-01-01', { is_working: false, name: '元旦 New Year (expected)' }, by);
    expect((await t.seconds('cn-workdays', cst('2027-01-01T09:00:00'), cst('2027-01-04T18:00:00'))).seconds).toBe(9 * H);
    await removeAdminDay(t.wh, 'cn-workdays', '2027-01-01');
  });
});

describe('created calendars', () => {
  it('two intervals a day (09:00–12:00, 13:30–18:00) with the official days', async () => {
    const weekly_hours = [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:30', end: '18:00' }]);
    const cal = await createCalendar(t.wh, { id: 'cn-split', name: 'split shift', time_zone: 'Asia/Shanghai', continuous: false, weekly_hours, holidays: 'cn-official' }, by);
    expect(cal.weekly_hours.slice(0, 2)).toEqual([{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '13:30', end: '18:00' }]);
    expect(cal.coverage.fallback_years[0]).toBe(2027);
    expect((await t.seconds('cn-split', cst('2025-09-16T11:00:00'), cst('2025-09-16T14:00:00'))).seconds).toBe(1.5 * H);
    expect((await t.seconds('cn-split', cst('2025-09-16T12:15:00'), cst('2025-09-16T13:15:00'))).seconds).toBe(0);
    expect((await t.seconds('cn-split', cst('2025-09-16T08:00:00'), cst('2025-09-16T12:45:00'))).seconds).toBe(3 * H);
    expect((await t.seconds('cn-split', cst('2025-09-16T00:00:00'), cst('2025-09-17T00:00:00'))).seconds).toBe(7.5 * H);
    // the make-up Sunday 28 Sep has both intervals too: 7.5 h, then Mon 29 09:00–10:00
    expect((await t.seconds('cn-split', cst('2025-09-27T12:00:00'), cst('2025-09-29T10:00:00'))).seconds).toBe(8.5 * H);
    expect((await t.seconds('cn-split', cst('2025-09-28T12:30:00'), cst('2025-09-28T13:30:00'))).seconds).toBe(0);
    expect((await t.daysAfter('cn-split', cst('2025-09-30T10:00:00'), 1)).end).toBe(cst('2025-10-10T00:00:00'));
  });

  it('a zone with DST counts working hours and day ends in local time', async () => {
    await createCalendar(t.wh, {
      id: 'us-east', name: 'New York office', time_zone: 'America/New_York', continuous: false, holidays: 'none',
      weekly_hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    }, by);
    // Fri 7 Mar 2025 16:00 EST (-05:00) → Mon 10 Mar 10:00 EDT (-04:00): 1 h + 1 h; clocks changed on Sunday 9 Mar
    expect(await t.seconds('us-east', '2025-03-07T21:00:00Z', '2025-03-10T14:00:00Z')).toEqual({ seconds: 2 * H, fallback: false });
    expect((await t.daysAfter('us-east', '2025-03-07T21:00:00Z', 1)).end).toBe('2025-03-11T04:00:00.000Z');
    const [row] = await t.wh.query<{ utc_offset_s: number | null }>(`SELECT utc_offset_s FROM calendars WHERE calendar_id = 'us-east'`);
    expect(row!.utc_offset_s).toBeNull();
  });

  it('a continuous calendar in a DST zone has a 23-hour day in March, through its day rows too', async () => {
    await createCalendar(t.wh, { id: 'ny-24x7', name: 'NY clock', time_zone: 'America/New_York', continuous: true, holidays: 'none', weekly_hours: [] }, by);
    // Sat 8 Mar 12:00 EST → Mon 10 Mar 12:00 EDT = 47 h
    expect((await t.seconds('ny-24x7', '2025-03-08T17:00:00Z', '2025-03-10T16:00:00Z')).seconds).toBe(47 * H);
    expect((await t.seconds('ny-24x7', '2025-03-08T17:00:00Z', '2025-03-10T16:00:00Z', { perRow: true })).seconds).toBe(47 * H);
    const [day] = await t.wh.query<{ work_s: number }>(`SELECT work_s FROM calendar_days WHERE calendar_id = 'ny-24x7' AND day = DATE '2025-03-09'`);
    expect(day!.work_s).toBe(23 * H);
    // + 0 days from Sunday 9 Mar 10:00 EDT → Monday 00:00 EDT
    expect((await t.daysAfter('ny-24x7', '2025-03-09T14:00:00Z', 0)).end).toBe('2025-03-10T04:00:00.000Z');
    expect((await t.daysAfter('ny-24x7', '2025-03-09T14:00:00Z', 0, { perRow: true })).end).toBe('2025-03-10T04:00:00.000Z');
  });

  it('refuses a taken id, an unknown zone, overlapping intervals and hours on a continuous calendar', async () => {
    const base = { name: 'x', time_zone: 'Asia/Shanghai', continuous: false, holidays: 'none' as const, weekly_hours: [{ weekday: 1, start: '09:00', end: '18:00' }] };
    await expect(createCalendar(t.wh, { ...base, id: 'cn-workdays' }, by)).rejects.toMatchObject({ kind: 'conflict', parameter: 'id' });
    await expect(createCalendar(t.wh, { ...base, id: 'z1', time_zone: 'Mars/Olympus' }, by)).rejects.toMatchObject({ kind: 'invalid', parameter: 'time_zone' });
    await expect(createCalendar(t.wh, { ...base, id: 'z2', weekly_hours: [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }] }, by))
      .rejects.toMatchObject({ kind: 'invalid', parameter: 'weekly_hours' });
    await expect(createCalendar(t.wh, { ...base, id: 'z3', continuous: true }, by)).rejects.toMatchObject({ parameter: 'weekly_hours' });
    await expect(createCalendar(t.wh, { ...base, id: 'z4', weekly_hours: [] }, by)).rejects.toMatchObject({ parameter: 'weekly_hours' });
    const [n] = await t.wh.query<{ n: number }>(`SELECT count(*) AS n FROM calendars WHERE calendar_id LIKE 'z%'`);
    expect(n!.n).toBe(0);
  });
});
