// Simulates the contacts of one local hour: fresh arrivals drawn from the
// hour's demand, plus customers coming back (redials, channel switches,
// repeats) scheduled by earlier contacts. Working an hour at a time keeps the
// live set small at any scale, so records die young instead of being copied
// through garbage collections.
import { SECOND } from './calendar.js';
import { type Issue, newIssue } from './customers.js';
import { afterCall, afterTicket } from './journeys.js';
import type { CallRecord, ComplaintSeed, ContactChannel, DayLoad, GenContext, Intent, TicketChannel, TicketRecord } from './model.js';
import { simulateCall } from './calls-gen.js';
import { simulateTicket } from './tickets-gen.js';

const FRESH_TICKET_CHANNELS: TicketChannel[] = ['chat', 'web', 'social', 'marketplace', 'email'];
const FRESH_TICKET_WEIGHTS = [45, 20, 14, 12, 9];
/** Share of callers who are members; the rest are strangers known only by their number. */
const MEMBER_CALLERS = 0.92;

interface Arrival {
  at: number;
  channel: ContactChannel;
  issue: Issue | null; // null: a fresh issue, drawn when processed
  depth: number;
}

export interface HourContacts {
  calls: CallRecord[];
  tickets: TicketRecord[];
}

/** Follow-up contacts waiting for their hour, keyed by (local day, local hour). */
export class IntentQueue {
  private readonly slots = new Map<number, Intent[]>();

  constructor(private readonly ctx: GenContext, private readonly dayIndex: (ms: number) => number) {}

  private slot(ms: number): number {
    return this.dayIndex(ms) * 24 + this.ctx.clock.localHour(ms);
  }

  add(intent: Intent): void {
    const key = this.slot(intent.at);
    const list = this.slots.get(key);
    if (list) list.push(intent);
    else this.slots.set(key, [intent]);
  }

  take(day: number, hour: number): Intent[] {
    const key = day * 24 + hour;
    const list = this.slots.get(key) ?? [];
    this.slots.delete(key);
    return list;
  }
}

function freshArrivals(ctx: GenContext, load: DayLoad, h: number, out: Arrival[]): void {
  const { rng } = ctx;
  const from = load.hourStarts[h]!;
  const span = load.hourStarts[h + 1]! - from;
  const add = (channel: ContactChannel) => {
    const at = from + Math.floor((rng.next() * span) / SECOND) * SECOND;
    if (at >= ctx.start && at < ctx.end) out.push({ at, channel, issue: null, depth: 0 });
  };
  for (let n = rng.poisson(load.callsPerHour[h]!); n > 0; n--) add('call');
  for (let n = rng.poisson(load.ticketsPerHour[h]!); n > 0; n--) add(rng.weighted(FRESH_TICKET_CHANNELS, FRESH_TICKET_WEIGHTS));
}

/** Calls still in progress at `end` are not in any export yet. */
function finishedBeforeEnd(ctx: GenContext, rec: CallRecord): boolean {
  const span = (rec.waitS ?? 0) + (rec.talkS ?? 0);
  return rec.startedAt + span * SECOND < ctx.end;
}

export function simulateHour(ctx: GenContext, load: DayLoad, hour: number, queue: IntentQueue,
  complaint: (seed: ComplaintSeed) => void): HourContacts {
  const { rng } = ctx;
  const hourEnd = Math.min(ctx.end, load.hourStarts[hour + 1]!);
  const work: Arrival[] = [];
  freshArrivals(ctx, load, hour, work);
  for (const i of queue.take(load.index, hour)) work.push(i);
  const journey = {
    intent: (i: Intent) => {
      if (i.at >= ctx.end) return;
      if (i.at < hourEnd) work.push(i);
      else queue.add(i);
    },
    complaint: (seed: ComplaintSeed) => {
      if (seed.receivedAt < ctx.end) complaint(seed);
    },
  };
  // With ticketScale below scale, only that share of the tickets calls lead to is
  // kept (the draw happens only then, so default options give the same stream).
  const keep = ctx.keepTicketFromCall;
  const fromCall = keep >= 1 ? journey : {
    intent: (i: Intent) => {
      if (i.channel === 'call' || rng.chance(keep)) journey.intent(i);
    },
    complaint: journey.complaint,
  };
  const result: HourContacts = { calls: [], tickets: [] };
  for (let k = 0; k < work.length; k++) {
    const a = work[k]!;
    const member = a.channel !== 'call' || rng.chance(MEMBER_CALLERS);
    const issue = a.issue ?? newIssue(ctx.pool, ctx.clock, rng, a.at, load.profile.kind, member);
    if (a.channel === 'call') {
      const rec = simulateCall(ctx, a.at, issue);
      if (!finishedBeforeEnd(ctx, rec)) continue;
      result.calls.push(rec);
      afterCall(ctx, rec, a.depth, fromCall);
    } else {
      const rec = simulateTicket(ctx, a.at, issue, a.channel);
      result.tickets.push(rec);
      afterTicket(ctx, rec, a.depth, journey);
    }
  }
  return result;
}
