/**
 * Calendar arithmetic for metric queries where the calendar is a column (it comes
 * from the policy row of each unit: a per-channel silence window, an SLA target,
 * a per-source complaint deadline). Builds on server/calendars/calendar-sql.ts:
 * each instant joins its local day row once, and answers are arithmetic on it.
 *
 * When every calendar a setting uses is continuous (24x7: the defaults for every
 * window and ticket target), callers pass `continuous: true` and get plain epoch
 * arithmetic with no joins: the hot path of every metric.
 *
 * Working clock: see calendar-sql.ts workingClock. A window of S working seconds
 * from t ends at the earliest instant whose clock is clock(t) + S (a reply at
 * that instant is within; one in the non-working time after it is not). The
 * inverse is an ASOF join on the days' running working seconds.
 */
import { calendarColumns, localDay, workingClock } from '../calendars/calendar-sql.ts';
import { plusSeconds } from './units/unit-family.ts';

export interface DayJoin {
  /** LEFT JOINs to add after the FROM item that has the columns. */
  joins: string;
}

/** Joins `calendars` as `${alias}k` and the local day of `at` as `${alias}`. */
function dayJoins(calCol: string, at: string, alias: string): string {
  const k = `${alias}k`;
  return `LEFT JOIN calendars ${k} ON ${k}.calendar_id = ${calCol}
    LEFT JOIN calendar_days ${alias} ON ${alias}.calendar_id = ${calCol} AND ${alias}.day = ${localDay(calendarColumns(k), at)}`;
}

/**
 * The working clock (seconds) of `at` on the calendar in `calCol`: joins and expression.
 * NULL outside the materialized calendar range (the caller treats it as not judgeable).
 */
export function clockOf(calCol: string, at: string, alias: string, continuous: boolean): DayJoin & { clock: string } {
  if (continuous) return { joins: '', clock: `epoch(${at})` };
  return {
    joins: dayJoins(calCol, at, alias),
    clock: `CASE WHEN ${alias}k.continuous THEN epoch(${at}) ELSE ${workingClock(calendarColumns(`${alias}k`), at, alias)} END`,
  };
}

/**
 * "N working days after at" (METRICS.md "Time"): the end (24:00 local) of the N-th
 * working day after the local day of `at`, on the calendar in `calCol`; N from `nCol`.
 */
export function workingDaysDue(calCol: string, at: string, nCol: string, alias: string): DayJoin & { due: string } {
  const d2 = `${alias}n`;
  return {
    joins: `${dayJoins(calCol, at, alias)}
    LEFT JOIN calendar_days ${d2} ON ${d2}.calendar_id = ${calCol} AND ${d2}.is_working
      AND ${d2}.cum_days = ${alias}.cum_days + (${nCol}) + CASE WHEN (${nCol}) = 0 AND NOT ${alias}.is_working THEN 1 ELSE 0 END`,
    // A continuous calendar works every day: its day rows are all working, so the join gives the same answer.
    due: `${d2}.day_end`,
  };
}

/**
 * CTEs that add `${out}` = the end of a window of `seconds` working seconds from
 * `at` (direction 1) or its start before `at` (direction -1) to every row of
 * `input`, as relation `name`. Continuous calendars use plain arithmetic.
 */
export function windowStep(opts: {
  name: string;
  input: string;
  at: string;
  seconds: string;
  calendar: string;
  out: string;
  direction?: 1 | -1;
  continuous: boolean;
}): string[] {
  const sign = opts.direction === -1 ? '-' : '+';
  const plain = plusSeconds(opts.at, opts.seconds, sign);
  if (opts.continuous) return [`${opts.name} AS (SELECT *, ${plain} AS ${opts.out} FROM ${opts.input})`];
  const c = clockOf(`i.${opts.calendar}`, `i.${opts.at}`, 'wd', false);
  const stage = `${opts.name}__c`;
  const r = `(o.__target - w.cum_s_before)`;
  // Offset within the day where the running sum of the day's intervals reaches r.
  const before = (i: string) => `coalesce(list_sum(list_transform(w.intervals[1:${i} - 1], lambda y: y.e - y.s)), 0)`;
  const offset = `list_min(list_transform(range(1, len(w.intervals) + 1), lambda i:
      CASE WHEN ${before('i')} < ${r} AND ${r} <= ${before('i')} + (w.intervals[i].e - w.intervals[i].s)
           THEN w.intervals[i].s + (${r} - ${before('i')}) END))`;
  return [
    `${stage} AS (SELECT i.*, wdk.continuous AS __continuous, (${c.clock}) ${sign} (i.${opts.seconds}) AS __target
      FROM ${opts.input} i ${c.joins})`,
    `${opts.name} AS (SELECT o.* EXCLUDE (__continuous, __target),
        CASE WHEN o.__continuous THEN ${plusSeconds(`o.${opts.at}`, `o.${opts.seconds}`, sign)}
             WHEN ${r} <= w.work_s THEN ${plusSeconds('w.day_start', offset)}
        END AS ${opts.out}
      FROM ${stage} o ASOF LEFT JOIN (SELECT calendar_id, cum_s_before, work_s, day_start, intervals FROM calendar_days WHERE work_s > 0) w
        ON w.calendar_id = o.${opts.calendar} AND o.__target > w.cum_s_before)`,
  ];
}
