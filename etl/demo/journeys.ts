// What a customer does after a contact: redial the hotline, switch to chat,
// come back about the same order days later (which breaks first-contact
// resolution), or complain to a regulator. Silence makes every one of these far
// more likely, which is exactly the relation Support Radar has to reveal.
import { DAY, HOUR, MINUTE, SECOND } from './calendar.js';
import type { Issue } from './customers.js';
import { callIsSilent } from './calls-gen.js';
import type { CallRecord, ComplaintSeed, ContactChannel, GenContext, Intent, TicketRecord } from './model.js';

const MAX_DEPTH = 5;
/**
 * Chance that one contact ends in an external complaint. Redials make several
 * silent attempts per issue, so the per-call chance is lower than per ticket;
 * an issue is complained about at most once.
 */
const COMPLAIN_AFTER_SILENT_CALL = 0.02;
const COMPLAIN_AFTER_SILENT_TICKET = 0.05;
const COMPLAIN_AFTER_ANSWERED = 0.002;

export interface JourneySink {
  intent(intent: Intent): void;
  complaint(seed: ComplaintSeed): void;
}

function follow(sink: JourneySink, at: number, channel: ContactChannel, issue: Issue, depth: number): void {
  if (depth > MAX_DEPTH) return;
  // Tickets need a member id; a caller the platform does not know can only phone again.
  const ch = channel !== 'call' && issue.customerId === '' ? 'call' : channel;
  sink.intent({ at: Math.round(at / SECOND) * SECOND, channel: ch, issue, depth });
}

function maybeComplain(ctx: GenContext, sink: JourneySink, from: number, issue: Issue, p: number,
  ticket: TicketRecord | null, silent: boolean, minDays = 1): void {
  const { rng } = ctx;
  if (issue.complained || !rng.chance(Math.min(1, p * ctx.complaintFactor))) return;
  issue.complained = true;
  let at = from + rng.uniform(minDays, 10) * DAY;
  // Regulators and payment platforms forward cases in the daytime.
  const hour = ctx.clock.localHour(at);
  if (hour < 8 || hour >= 22) at = ctx.clock.nextLocalHour(at, 8) + rng.uniform(0, 3) * HOUR;
  sink.complaint({ receivedAt: Math.round(at / SECOND) * SECOND, issue, ticket, silentBefore: silent });
}

function switchChannel(ctx: GenContext): ContactChannel {
  return ctx.rng.weighted<ContactChannel>(['chat', 'web', 'social', 'marketplace'], [60, 22, 12, 6]);
}

export function afterCall(ctx: GenContext, rec: CallRecord, depth: number, sink: JourneySink): void {
  const { rng } = ctx;
  const at = rec.startedAt;
  const next = depth + 1;
  if (rec.outcome === 'abandoned' && (rec.waitS ?? 0) < 5) {
    if (rng.chance(0.5)) follow(sink, at + rng.int(5, 180) * SECOND, 'call', rec.issue, next);
    return;
  }
  if (callIsSilent(rec)) {
    const lineFailure = rec.outcome === 'busy' || rec.outcome === 'unreachable';
    if (rng.chance((lineFailure ? 0.45 : 0.3) * 0.75 ** depth)) {
      follow(sink, at + (rec.waitS ?? 0) * SECOND + rng.int(1, 12) * MINUTE, 'call', rec.issue, next);
    } else if (rng.chance(0.2)) {
      follow(sink, at + rng.uniform(5, 180) * MINUTE, switchChannel(ctx), rec.issue, next);
    }
    maybeComplain(ctx, sink, at, rec.issue, COMPLAIN_AFTER_SILENT_CALL, null, true);
    return;
  }
  const end = at + ((rec.waitS ?? 0) + (rec.talkS ?? 0)) * SECOND;
  if (rec.outcome === 'answered' && (rec.transferred ? rng.chance(0.4) : rng.chance(0.05))) {
    follow(sink, end + rng.int(1, 5) * MINUTE, 'phone', rec.issue, next); // agent logs a ticket
  } else if (rng.chance(0.07)) {
    const channel = rng.chance(0.6) ? 'call' : switchChannel(ctx);
    follow(sink, end + Math.min(7 * DAY, rng.logNormal(1 * DAY, 1)), channel, rec.issue, next);
  }
  maybeComplain(ctx, sink, at, rec.issue, COMPLAIN_AFTER_ANSWERED, null, false);
}

export function afterTicket(ctx: GenContext, rec: TicketRecord, depth: number, sink: JourneySink): void {
  const { rng } = ctx;
  const at = rec.openedAt;
  const next = depth + 1;
  if (rec.silent) {
    if (rng.chance(0.15)) follow(sink, at + rng.uniform(1, 48) * HOUR, 'call', rec.issue, next);
    else if (rng.chance(0.1)) follow(sink, at + rng.uniform(2, 72) * HOUR, switchChannel(ctx), rec.issue, next);
    maybeComplain(ctx, sink, at, rec.issue, COMPLAIN_AFTER_SILENT_TICKET, rec, true, 2);
    return;
  }
  const repeat = rec.resolved ? 0.05 : 0.1;
  if (rng.chance(repeat)) {
    const channel = rng.chance(0.5) ? 'call' : switchChannel(ctx);
    follow(sink, at + rng.uniform(1, 6) * DAY, channel, rec.issue, next);
  }
  maybeComplain(ctx, sink, at, rec.issue, rec.resolved ? COMPLAIN_AFTER_ANSWERED : 0.012, rec, false, 2);
}
