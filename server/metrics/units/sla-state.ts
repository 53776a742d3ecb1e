/**
 * SLA attainment of one unit (METRICS.md "SLA attainment"), shared by tickets,
 * refunds and complaints. A target is a duration on a calendar or N working days:
 *
 * - duration: achieved when the working time from start to stop, minus paused
 *   time, is ≤ the target; breached when it is more, or when the clock is still
 *   running at as_of with elapsed (working time to as_of minus paused) > target;
 * - working days: achieved when stop ≤ "N working days after start"; breached when
 *   stop is later, or still running and as_of is past it.
 * Otherwise the unit is active (pending). A stop after as_of is not seen. The
 * states are NUM = achieved, DEN = breached, PENDING (active), NULL = no target.
 */
import type { BuildContext, CalendarUse } from '../build-context.ts';
import { clockOf, workingDaysDue } from '../calendar-steps.ts';
import { plusSeconds, NUM, DEN, PENDING } from './unit-family.ts';

export interface SlaColumns {
  /** Prefix of the columns this adds (e.g. 'fr' gives fr_due, fr_elapsed_stop ...). */
  p: string;
  /** Target columns of the row: kind, seconds, days, calendar. */
  kind: string;
  seconds: string;
  days: string;
  calendar: string;
  start: string;
  /** The stop instant column (NULL while running; may be after as_of). */
  stop: string;
  /** Paused working seconds up to the stop (or as_of while running); resolution only. */
  paused?: string;
}

/**
 * Two CTEs: `${name}__j` adds the clocks and the due instant, `${name}` the state
 * column `s_${p}`, the deadline `${p}_due` and the seen stop `${p}_stop`.
 */
export function slaSteps(ctx: BuildContext, use: CalendarUse, input: string, name: string, c: SlaColumns): string[] {
  const A = ctx.asOf;
  const continuous = ctx.continuous(use, 'duration');
  const startClock = clockOf(`i.${c.calendar}`, `i.${c.start}`, `${c.p}a`, continuous);
  const stopClock = clockOf(`i.${c.calendar}`, `i.${c.stop}`, `${c.p}b`, continuous);
  const nowClock = clockOf(`i.${c.calendar}`, A, `${c.p}c`, continuous);
  const hasDays = ctx.hasKind(use, 'working_days');
  const due = hasDays ? workingDaysDue(`i.${c.calendar}`, `i.${c.start}`, `i.${c.days}`, `${c.p}d`) : { joins: '', due: 'NULL::TIMESTAMPTZ' };
  const paused = c.paused ? `coalesce(i.${c.paused}, 0)` : '0';
  const j = `${name}__j`;
  // For case lists: on a continuous calendar a duration target has a plain due instant too.
  const durationDue = continuous ? `WHEN i.${c.kind} = 'duration' THEN ${plusSeconds(`i.${c.start}`, `i.${c.seconds}`)}` : '';
  return [
    `${j} AS (SELECT i.*,
        CASE WHEN i.${c.kind} = 'working_days' THEN ${due.due}
             ${durationDue} END AS ${c.p}_due,
        CASE WHEN i.${c.kind} = 'duration' THEN (${stopClock.clock}) - (${startClock.clock}) - ${paused} END AS ${c.p}_elapsed_stop,
        CASE WHEN i.${c.kind} = 'duration' THEN (${nowClock.clock}) - (${startClock.clock}) - ${paused} END AS ${c.p}_elapsed_now
      FROM ${input} i ${startClock.joins} ${stopClock.joins} ${nowClock.joins} ${due.joins})`,
    `${name} AS (SELECT *,
        CASE WHEN ${c.stop} <= ${A} THEN ${c.stop} END AS ${c.p}_stop,
        CASE
          WHEN ${c.kind} IS NULL OR ${c.kind} = 'none' THEN NULL
          WHEN ${c.kind} = 'duration' THEN CASE
            WHEN ${c.stop} <= ${A} THEN CASE WHEN ${c.p}_elapsed_stop IS NULL THEN ${PENDING} WHEN ${c.p}_elapsed_stop <= ${c.seconds} THEN ${NUM} ELSE ${DEN} END
            WHEN ${c.p}_elapsed_now > ${c.seconds} THEN ${DEN}
            ELSE ${PENDING} END
          ELSE CASE
            WHEN ${c.p}_due IS NULL THEN ${PENDING}
            WHEN ${c.stop} <= ${A} THEN CASE WHEN ${c.stop} <= ${c.p}_due THEN ${NUM} ELSE ${DEN} END
            WHEN ${A} > ${c.p}_due THEN ${DEN}
            ELSE ${PENDING} END
        END AS s_${c.p}
      FROM ${j})`,
  ];
}
