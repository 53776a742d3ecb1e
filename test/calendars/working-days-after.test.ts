/**
 * "N working days after t" (METRICS.md "Time"): the end, 24:00 local, of the N-th
 * working day after the calendar day of t. Expected instants are written in
 * Beijing time and compared in UTC.
 */
import { describe, expect, it } from 'vitest';
import { cst, useCalendarWarehouse } from './calendar-fixture.ts';

const t = useCalendarWarehouse();
const end = async (at: string, n: number | string) => (await t.daysAfter('cn-workdays', at, n)).end;

describe('N working days after on cn-workdays', () => {
  it('Friday 15:00 + 1 → Monday 24:00 (Tuesday 00:00 +08:00), as METRICS.md says', async () => {
    expect(await t.daysAfter('cn-workdays', cst('2025-09-12T15:00:00'), 1)).toEqual({ end: cst('2025-09-16T00:00:00'), official: true, fallback: false });
  });

  it('jumps the National Day holiday 2025', async () => {
    expect(await end(cst('2025-09-30T10:00:00'), 1)).toBe(cst('2025-10-10T00:00:00')); // end of Thu 9 Oct
    // the complaint default, 7 working days: Sun 28 Sep (make-up), 29, 30, 9 Oct, 10, Sat 11 (make-up), Mon 13
    expect(await end(cst('2025-09-26T10:00:00'), 7)).toBe(cst('2025-10-14T00:00:00'));
  });

  it('starts counting after a Saturday or a holiday', async () => {
    expect(await end(cst('2025-09-13T11:00:00'), 1)).toBe(cst('2025-09-16T00:00:00')); // Sat → end of Mon
    expect(await end(cst('2025-09-13T11:00:00'), 2)).toBe(cst('2025-09-17T00:00:00'));
    expect(await end(cst('2025-10-03T10:00:00'), 1)).toBe(cst('2025-10-10T00:00:00')); // holiday → end of 9 Oct
    expect(await end(cst('2025-10-03T10:00:00'), 3)).toBe(cst('2025-10-12T00:00:00')); // 9, 10, Sat 11 (make-up)
  });

  it('uses the local day of t, not its UTC date', async () => {
    // 2025-09-12T16:30Z is Saturday 00:30 in Shanghai: + 1 → end of Monday
    expect(await end('2025-09-12T16:30:00Z', 1)).toBe(cst('2025-09-16T00:00:00'));
    // 2025-09-12T15:30Z is still Friday 23:30: + 1 → end of Monday as well
    expect(await end('2025-09-12T15:30:00Z', 1)).toBe(cst('2025-09-16T00:00:00'));
  });

  it('N = 0 is the end of the day of t when it is a working day, else of the next working day', async () => {
    expect(await end(cst('2025-09-16T15:00:00'), 0)).toBe(cst('2025-09-17T00:00:00'));
    expect(await end(cst('2025-09-13T15:00:00'), 0)).toBe(cst('2025-09-16T00:00:00'));
    expect(await end(cst('2025-10-01T15:00:00'), 0)).toBe(cst('2025-10-10T00:00:00'));
  });

  it('takes N as an SQL expression too (a policy column), N = 0 included', async () => {
    expect(await end(cst('2025-09-26T10:00:00'), '3 + 4')).toBe(cst('2025-10-14T00:00:00'));
    expect(await end(cst('2025-09-13T15:00:00'), '1 - 1')).toBe(cst('2025-09-16T00:00:00'));
  });

  it('gives the same answers with the calendar taken per row', async () => {
    for (const [at, n] of [[cst('2025-09-26T10:00:00'), 7], [cst('2025-09-13T15:00:00'), 0]] as const) {
      expect(await t.daysAfter('cn-workdays', at, n, { perRow: true })).toEqual(await t.daysAfter('cn-workdays', at, n));
    }
  });

  it('refuses a negative or fractional N', async () => {
    await expect(end(cst('2025-09-16T15:00:00'), -1)).rejects.toThrow(/whole number/);
    await expect(end(cst('2025-09-16T15:00:00'), 1.5)).rejects.toThrow(/whole number/);
  });
});

describe('N working days after on 24x7', () => {
  it('every day counts: the end of the UTC day N days later', async () => {
    expect((await t.daysAfter('24x7', '2025-09-12T15:00:00Z', 1)).end).toBe('2025-09-14T00:00:00.000Z');
    expect((await t.daysAfter('24x7', '2025-09-12T15:00:00Z', 0)).end).toBe('2025-09-13T00:00:00.000Z');
    expect((await t.daysAfter('24x7', '2025-09-12T15:00:00Z', 1, { perRow: true })).end).toBe('2025-09-14T00:00:00.000Z');
  });
});
