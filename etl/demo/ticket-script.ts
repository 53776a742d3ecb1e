// A ticket's history is written as a timeline with a cursor: every event comes
// strictly after the previous one, so `opened` is always first by time (the
// FORMATS.md rule) no matter how the flows below combine.
import { SECOND } from './calendar.js';
import { addDays } from './calendar.js';
import { isWorkingDay } from './day-profile.js';
import { type GenContext, type TicketEvent, type TicketRecord, nextOnDuty } from './model.js';

export class TicketScript {
  /** Time of the last event. */
  t: number;

  constructor(readonly ctx: GenContext, readonly rec: TicketRecord) {
    this.t = rec.openedAt - SECOND; // so that `opened` lands exactly on openedAt
  }

  /** Appends an event `delayMs` after the previous one (never at the same second). */
  add(delayMs: number, type: string, extra?: Omit<TicketEvent, 'at' | 'type'>): number {
    return this.addAt(this.t + delayMs, type, extra);
  }

  addAt(at: number, type: string, extra?: Omit<TicketEvent, 'at' | 'type'>): number {
    const when = Math.max(at, this.t + SECOND);
    this.t = Math.round(when / SECOND) * SECOND;
    this.rec.events.push({ at: this.t, type, ...extra });
    return this.t;
  }

  /** A ticket agent logged in at `at` (the morning shift when nobody is). */
  agentAt(at: number): string {
    const { ctx } = this;
    const staffing = ctx.loadAt(at).profile.staffing;
    const onDuty = ctx.staff.tickets.onDuty(ctx.clock.localHour(at), staffing);
    const list = onDuty.length > 0 ? onDuty : ctx.staff.tickets.onDuty(10, 1);
    return ctx.rng.pick(list);
  }

  /** Ticket queue pressure at an instant (Infinity at night when nobody is on duty). */
  pressureAt(at: number): number {
    return this.ctx.loadAt(at).ticketPressure[this.ctx.clock.localHour(at)]!;
  }

  /** Next staffed instant plus the backlog that piled up meanwhile. */
  staffedAfter(at: number, backlogMeanMs: number): number {
    const on = nextOnDuty(this.ctx, at);
    return on === at ? at : on + this.ctx.rng.exponential(backlogMeanMs);
  }

  /** A working-hours instant `n` working days after the calendar day of `at` (cn-workdays-like). */
  workingDaysLater(at: number, n: number): number {
    const { clock, rng } = this.ctx;
    let date = clock.localDate(at);
    for (let left = n; left > 0; ) {
      date = addDays(date, 1);
      if (isWorkingDay(date)) left--;
    }
    return clock.toInstant(date.y, date.m, date.d, rng.int(9, 17), rng.int(0, 59));
  }
}
