/**
 * Working seconds between two instants (METRICS.md "SLA attainment": a duration
 * on a calendar), through the SQL builders on a real warehouse. Expected values
 * are counted by hand on cn-workdays (09:00–18:00 Asia/Shanghai, official days of
 * the chinese-days package).
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { cst, useCalendarWarehouse } from './calendar-fixture.ts';

const H = 3600;
const t = useCalendarWarehouse();
const pkg = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

describe('working seconds on cn-workdays', () => {
  it('counts only working hours across a weekend: Fri 17:00 → Mon 10:00 = 2 h', async () => {
    expect(await t.seconds('cn-workdays', cst('2025-09-12T17:00:00'), cst('2025-09-15T10:00:00'))).toEqual({ seconds: 2 * H, fallback: false });
  });

  it('inside one working day, to the second and below', async () => {
    expect((await t.seconds('cn-workdays', cst('2025-09-16T10:15:00'), cst('2025-09-16T16:45:00'))).seconds).toBe(6.5 * H);
    expect((await t.seconds('cn-workdays', cst('2025-09-16T10:00:00.250'), cst('2025-09-16T10:00:01'))).seconds).toBeCloseTo(0.75, 9);
    expect((await t.seconds('cn-workdays', cst('2025-09-16T11:00:00'), cst('2025-09-16T11:00:00'))).seconds).toBe(0);
  });

  it('clips a span that starts before 09:00 and ends after 18:00', async () => {
    expect((await t.seconds('cn-workdays', cst('2025-09-16T07:00:00'), cst('2025-09-16T20:00:00'))).seconds).toBe(9 * H);
    expect((await t.seconds('cn-workdays', cst('2025-09-16T07:00:00'), cst('2025-09-17T20:00:00'))).seconds).toBe(18 * H);
    // both ends outside working hours on the same evening: nothing
    expect((await t.seconds('cn-workdays', cst('2025-09-16T18:30:00'), cst('2025-09-16T23:59:00'))).seconds).toBe(0);
  });

  it('finds the local day of an instant whose UTC date is the day before', async () => {
    // 2025-09-15T23:30Z is Tuesday 07:30 in Shanghai; until Tuesday 10:00 = 1 h
    expect((await t.seconds('cn-workdays', '2025-09-15T23:30:00Z', '2025-09-16T02:00:00Z')).seconds).toBe(1 * H);
  });

  it('skips the National Day holiday 2025 and counts its make-up days (as the package has them)', async () => {
    for (let d = 1; d <= 8; d++) expect(pkg.holidays[`2025-10-0${d}`], `2025-10-0${d}`).toBeDefined();
    expect(pkg.workdays['2025-09-28']).toBeDefined(); // Sunday
    expect(pkg.workdays['2025-10-11']).toBeDefined(); // Saturday
    expect(pkg.holidays['2025-10-09'] ?? pkg.workdays['2025-10-09']).toBeUndefined();
    // Tue 30 Sep 10:00–18:00 (8 h), 1–8 Oct nothing, Thu 9 Oct 09:00–11:00 (2 h)
    expect(await t.seconds('cn-workdays', cst('2025-09-30T10:00:00'), cst('2025-10-09T11:00:00'))).toEqual({ seconds: 10 * H, fallback: false });
    // Sat 27 Sep nothing, Sun 28 Sep make-up day 9 h, Mon 29 Sep 09:00–12:00
    expect((await t.seconds('cn-workdays', cst('2025-09-27T12:00:00'), cst('2025-09-29T12:00:00'))).seconds).toBe(12 * H);
    // an instant inside the holiday: all of Oct 3 → Oct 9 12:00 = 3 h
    expect((await t.seconds('cn-workdays', cst('2025-10-03T10:00:00'), cst('2025-10-09T12:00:00'))).seconds).toBe(3 * H);
  });

  it('counts a make-up Saturday with the hours of a normal working day', async () => {
    // Fri 10 Oct 17:00–18:00, Sat 11 Oct 09:00–18:00, Sun nothing, Mon 13 Oct 09:00–10:00
    expect((await t.seconds('cn-workdays', cst('2025-10-10T17:00:00'), cst('2025-10-13T10:00:00'))).seconds).toBe(11 * H);
    expect((await t.seconds('cn-workdays', cst('2025-10-11T08:00:00'), cst('2025-10-11T12:30:00'))).seconds).toBe(3.5 * H);
  });

  it('gives the same answers with the calendar taken per row (joined calendars row)', async () => {
    const a = cst('2025-09-30T10:00:00');
    const b = cst('2025-10-13T10:00:00');
    expect(await t.seconds('cn-workdays', a, b, { perRow: true })).toEqual(await t.seconds('cn-workdays', a, b));
  });

  it('is NULL outside the materialized range rather than a guess', async () => {
    expect((await t.seconds('cn-workdays', '2014-12-30T02:00:00Z', '2025-09-16T02:00:00Z')).seconds).toBeNull();
  });
});

describe('working seconds on 24x7', () => {
  it('equals the plain difference, fractions included', async () => {
    const a = '2025-09-12T09:00:00.250Z';
    const b = '2025-09-15T10:00:00Z';
    const plain = (Date.parse(b) - Date.parse(a)) / 1000;
    expect(plain).toBe(3 * 86400 + H - 0.25);
    expect(await t.seconds('24x7', a, b)).toEqual({ seconds: plain, fallback: false });
    // through the day rows (a per-row calendar) too
    expect((await t.seconds('24x7', a, b, { perRow: true })).seconds).toBeCloseTo(plain, 6);
  });

  it('counts holidays and weekends', async () => {
    expect((await t.seconds('24x7', cst('2025-09-30T10:00:00'), cst('2025-10-09T11:00:00'))).seconds).toBe(9 * 86400 + H);
  });
});
