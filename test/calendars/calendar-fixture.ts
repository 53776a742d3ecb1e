/**
 * A real warehouse with the calendars seeded, and the SQL builders run against
 * it one instant (or pair) at a time with bound parameters, the way a metric
 * query would compose them.
 *
 *   const t = useCalendarWarehouse();           // one warehouse for the file's tests
 *   await t.seconds('cn-workdays', '2025-09-12T17:00:00+08:00', '2025-09-15T10:00:00+08:00'); // 7200
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { calendarRef } from '../../server/calendars/calendar-listing.ts';
import {
  calendarColumns, calendarLiteral, joinCalendar, joinCalendarDay, joinWorkingDaysAfter, officialAt, usedFallback, workingDaysAfter, workingSeconds,
  type CalendarSql,
} from '../../server/calendars/calendar-sql.ts';
import { ensureCalendars } from '../../server/calendars/ensure-calendars.ts';
import { Warehouse } from '../../server/db/warehouse.ts';

const A = { at: 'p.a', day: 'da' };
const B = { at: 'p.b', day: 'db' };

export class CalendarWarehouse {
  constructor(readonly dir: string, readonly wh: Warehouse) {}

  static async open(): Promise<CalendarWarehouse> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-test-calendars-'));
    const wh = await Warehouse.open({ file: path.join(dir, 'warehouse.duckdb'), threads: 2 });
    await ensureCalendars(wh);
    return new CalendarWarehouse(dir, wh);
  }

  /** The calendar as a literal (the usual plan), as metric code would build it. */
  async literal(id: string): Promise<CalendarSql> {
    const ref = await calendarRef(this.wh, id);
    if (!ref) throw new Error(`no calendar ${id}`);
    return calendarLiteral(ref);
  }

  /** Working seconds from a to b (ISO instants); `perRow` takes the calendar from a joined row instead. */
  async seconds(id: string, a: string, b: string, opts: { perRow?: boolean } = {}): Promise<{ seconds: number | null; fallback: boolean }> {
    const cal = opts.perRow ? calendarColumns('pc') : await this.literal(id);
    const from = `(SELECT CAST($1 AS TIMESTAMPTZ) AS a, CAST($2 AS TIMESTAMPTZ) AS b, CAST($3 AS VARCHAR) AS cal) p`;
    const [row] = await this.wh.query<{ seconds: number | null; fallback: boolean }>(
      `SELECT ${workingSeconds(cal, A, B)} AS seconds, ${usedFallback(cal, 'da', 'db')} AS fallback
       FROM ${from} ${opts.perRow ? joinCalendar('p.cal', 'pc') : ''}
       ${joinCalendarDay(cal, 'p.a', 'da')} ${joinCalendarDay(cal, 'p.b', 'db')}`,
      [a, b, id],
    );
    return { seconds: row!.seconds === null ? null : Number(row!.seconds), fallback: row!.fallback };
  }

  /** "N working days after t" as an ISO instant in UTC, with the official flags. */
  async daysAfter(id: string, t: string, n: number | string, opts: { perRow?: boolean } = {}): Promise<{ end: string | null; official: boolean; fallback: boolean }> {
    const cal = opts.perRow ? calendarColumns('pc') : await this.literal(id);
    const [row] = await this.wh.query<{ end: Date | null; official: boolean; fallback: boolean }>(
      `SELECT ${workingDaysAfter(cal, A, n, 'dn')} AS "end", ${officialAt(cal, 'da')} AS official, ${usedFallback(cal, 'da', 'dn')} AS fallback
       FROM (SELECT CAST($1 AS TIMESTAMPTZ) AS a, CAST($2 AS VARCHAR) AS cal) p ${opts.perRow ? joinCalendar('p.cal', 'pc') : ''}
       ${joinCalendarDay(cal, 'p.a', 'da')} ${joinWorkingDaysAfter(cal, A, n, 'dn')}`,
      [t, id],
    );
    return { end: row!.end?.toISOString() ?? null, official: row!.official, fallback: row!.fallback };
  }

  close(): void {
    this.wh.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One seeded warehouse for the calling file's tests. */
export function useCalendarWarehouse(): CalendarWarehouse {
  let current: CalendarWarehouse | undefined;
  beforeAll(async () => {
    current = await CalendarWarehouse.open();
  });
  afterAll(() => current?.close());
  return new Proxy({} as CalendarWarehouse, {
    get(_target, prop) {
      if (!current) throw new Error('the calendar warehouse is used outside a test');
      const value = Reflect.get(current, prop, current) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/** An instant at +08:00 as UTC ISO, for expected values written in Beijing time. */
export function cst(local: string): string {
  return new Date(`${local}+08:00`).toISOString();
}
