/**
 * Speed of the calendar SQL on 1,000,000 random instant pairs (issue 3 item 2):
 * `npx tsx test/calendars/working-time-bench.ts [--pairs N] [--runs R]`.
 * Not part of `npm test`. Prints the median of R runs per variant (each a full
 * aggregate over every pair, so the work cannot be skipped) and exits 1 when the
 * join plan of working seconds on cn-workdays exceeds its target.
 *
 * Variants: the builders with a literal calendar (what metric queries do); the
 * same through ICU's timezone() (the path of zones with DST); a per-row calendar
 * (zone from a joined `calendars` row); correlated scalar subqueries (what a
 * MACRO would be: the alternative we did not take); "N working days after"; and
 * 24x7 (plain epoch difference) as the floor. The machine is shared and noisy:
 * compare variants within one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCalendars } from '../../server/calendars/ensure-calendars.ts';
import {
  calendarColumns, calendarLiteral, joinCalendar, joinCalendarDay, joinWorkingDaysAfter, workingDaysAfter, workingSeconds,
} from '../../server/calendars/calendar-sql.ts';
import { Warehouse } from '../../server/db/warehouse.ts';

const TARGET_MS = 500;
const { values } = parseArgs({ options: { pairs: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '5' } } });
const PAIRS = Number(values.pairs);
const RUNS = Number(values.runs);

const cn = calendarLiteral({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', continuous: false, utcOffsetS: 28800 });
// The same calendar as a zone with DST would be handled: ICU's timezone() per instant.
const cnViaZone = calendarLiteral({ id: 'cn-workdays', timeZone: 'Asia/Shanghai', continuous: false, utcOffsetS: null });
const a = { at: 'p.a', day: 'da' };
const b = { at: 'p.b', day: 'db' };

const VARIANTS: Record<string, string> = {
  'working seconds, cn-workdays (joins)': `SELECT sum(${workingSeconds(cn, a, b)}) FROM pairs p ${joinCalendarDay(cn, 'p.a', 'da')} ${joinCalendarDay(cn, 'p.b', 'db')}`,
  'working seconds, cn-workdays via timezone()': `SELECT sum(${workingSeconds(cnViaZone, a, b)}) FROM pairs p ${joinCalendarDay(cnViaZone, 'p.a', 'da')} ${joinCalendarDay(cnViaZone, 'p.b', 'db')}`,
  'working seconds, per-row calendar (joins)': (() => {
    const cal = calendarColumns('pc');
    return `SELECT sum(${workingSeconds(cal, a, b)}) FROM pairs p ${joinCalendar("'cn-workdays'", 'pc')} ${joinCalendarDay(cal, 'p.a', 'da')} ${joinCalendarDay(cal, 'p.b', 'db')}`;
  })(),
  'working seconds, correlated scalar subqueries': `SELECT sum(${subqueryClock('p.b')} - ${subqueryClock('p.a')}) FROM pairs p`,
  '7 working days after, cn-workdays (joins)': `SELECT max(${workingDaysAfter(cn, a, 7, 'd7')}), count(${workingDaysAfter(cn, a, 7, 'd7')}) FROM pairs p ${joinCalendarDay(cn, 'p.a', 'da')} ${joinWorkingDaysAfter(cn, a, 7, 'd7')}`,
  'working seconds, 24x7 (epoch difference)': `SELECT sum(${workingSeconds({ id: "'24x7'", zone: "'UTC'", continuous: true }, a, b)}) FROM pairs p`,
};

// What a scalar MACRO would expand to. A MACRO itself cannot do it: DuckDB 1.5
// refuses a macro whose subquery uses a column passed as an argument ("Referenced
// table pairs not found"), so the correlated subqueries are written out here.
function subqueryClock(at: string): string {
  const day = `(DATE '1970-01-01' + CAST((epoch_us(${at}) + 28800000000) // 86400000000 AS INTEGER))`;
  // A lambda cannot see the outer column either, so the offset into the day is a column first.
  return `(SELECT cum_s_before + coalesce(list_sum(list_transform(intervals, lambda x: greatest(0, least(tod, x.e) - x.s))), 0)
    FROM (SELECT d.*, (epoch_us(${at}) - epoch_us(d.day_start)) / 1000000.0 AS tod
          FROM calendar_days d WHERE d.calendar_id = 'cn-workdays' AND d.day = ${day}))`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-calendar-bench-'));
  const wh = await Warehouse.open({ file: path.join(dir, 'bench.duckdb'), readers: 1 });
  let missed = false;
  try {
    await ensureCalendars(wh);
    await wh.withWriter(async (c) => {
      // a uniform in 2020..2026, b = a + up to 30 days: SLA-like spans, all inside official years.
      await c.run(`CREATE TABLE pairs AS
        SELECT a, a + to_microseconds(CAST(random() * 30 * 86400e6 AS BIGINT)) AS b FROM (
          SELECT TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_microseconds(CAST(random() * 7 * 365 * 86400e6 AS BIGINT)) AS a
          FROM range(${PAIRS}))`);
    });
    console.log(`${PAIRS.toLocaleString('en')} pairs, median of ${RUNS} runs`);
    for (const [label, sql] of Object.entries(VARIANTS)) {
      const times: number[] = [];
      const [result] = await wh.query(sql); // warm-up, and the answer: the plans must agree
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await wh.query(sql);
        times.push(performance.now() - t0);
      }
      const median = times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
      console.log(`  ${label.padEnd(48)} ${median.toFixed(0).padStart(6)} ms   ${JSON.stringify(Object.values(result ?? {}))}`);
      if (label === 'working seconds, cn-workdays (joins)' && median > TARGET_MS) missed = true;
    }
  } finally {
    wh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(missed ? `target missed: working seconds on cn-workdays > ${TARGET_MS} ms` : `target met: working seconds on cn-workdays ≤ ${TARGET_MS} ms`);
  if (missed) process.exit(1);
}

await main();
