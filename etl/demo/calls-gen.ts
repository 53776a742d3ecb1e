// One inbound call attempt, simulated against the hour's queue pressure:
// line failures when the trunk is full or nobody is logged in, waits that grow
// steeply with load, callers whose patience runs out, a queue timeout, and
// callbacks that are kept quickly on calm days and late or never on surge days.
import { HOUR, MINUTE, SECOND } from './calendar.js';
import type { Issue } from './customers.js';
import { type CallRecord, type GenContext, nextOnDuty } from './model.js';

/** The queue gives up on a caller after this long (then hangs up or promises a callback). */
const QUEUE_TIMEOUT_S: Record<string, number> = { recharge: 900, orders: 900, disputes: 1200, security: 1800 };
const CALLBACK_OFFER_AFTER_S = 60;
const IVR_KEY: Record<string, string> = { recharge: '1', orders: '1', disputes: '2', security: '3' };

/** Median seconds until an agent frees up at a given utilisation. */
function medianWait(pressure: number): number {
  return Math.min(1500, 6 + 30 * pressure ** 3);
}

function ivrOption(ctx: GenContext, issue: Issue, busy: boolean): string {
  const { rng } = ctx;
  if (busy || rng.chance(0.03)) return ''; // never reached the menu, or a direct line
  return rng.chance(0.82) ? IVR_KEY[issue.queue]! : '0';
}

function lineFailure(ctx: GenContext, pressure: number, staffed: boolean): CallRecord['outcome'] | null {
  const { rng } = ctx;
  if (!staffed) return rng.chance(0.9) ? rng.weighted(['unreachable', 'busy'], [88, 12]) : null;
  const p = Math.min(0.6, 0.02 + Math.max(0, pressure - 0.9) * 0.3);
  if (!rng.chance(p)) return null;
  return pressure > 1.3 ? rng.weighted(['busy', 'unreachable'], [60, 40]) : rng.weighted(['busy', 'unreachable'], [45, 55]);
}

/** When a promised callback connects, or null when it never does (or not yet at `end`). */
function callbackConnects(ctx: GenContext, requestedAt: number): number | null {
  const { rng } = ctx;
  const hour = ctx.clock.localHour(requestedAt);
  const pressure = ctx.loadAt(requestedAt).callPressure[hour]!;
  let at: number | null;
  if (!Number.isFinite(pressure)) {
    at = rng.chance(0.7) ? nextOnDuty(ctx, requestedAt) + rng.int(10, 120) * MINUTE : null;
  } else {
    const calm = pressure < 1.3;
    const branch = rng.weighted(['quick', 'later', 'hours', 'never'], calm ? [66, 19, 8, 7] : [32, 25, 18, 25]);
    if (branch === 'never') at = null;
    else if (branch === 'quick') at = requestedAt + (15 + Math.round(rng.exponential(80))) * SECOND;
    else if (branch === 'later') at = requestedAt + rng.int(10, 60) * MINUTE;
    else at = nextOnDuty(ctx, requestedAt + rng.int(1, 8) * HOUR);
  }
  return at !== null && at < ctx.end ? at : null;
}

function talkSeconds(ctx: GenContext, issue: Issue): number {
  const median = issue.queue === 'security' ? 300 : issue.queue === 'disputes' ? 260 : 190;
  return Math.round(Math.min(3600, Math.max(15, ctx.rng.logNormal(median, 0.6))));
}

/** Queue phase: who wins the race between the agent, the caller's patience and the timeout. */
function queuePhase(ctx: GenContext, rec: CallRecord, pressure: number, staffed: boolean): void {
  const { rng } = ctx;
  if (rng.chance(0.04)) {
    rec.outcome = 'abandoned'; // short abandon: misdial, or heard the queue message and gave up
    rec.waitS = rng.int(0, 4);
    return;
  }
  const toAgent = staffed ? rng.logNormal(medianWait(pressure), 0.9) : Infinity;
  // Most callers give up within minutes; one in ten leaves the phone on speaker and waits it out.
  const patience = rng.chance(0.1) ? rng.logNormal(1000, 0.5) : rng.logNormal(120, 1.0);
  const timeout = QUEUE_TIMEOUT_S[rec.issue.queue]!;
  if (toAgent <= Math.min(patience, timeout)) {
    rec.outcome = 'answered';
    rec.waitS = Math.round(toAgent);
    rec.talkS = talkSeconds(ctx, rec.issue);
    const hour = ctx.clock.localHour(rec.startedAt);
    rec.agent = rng.pick(ctx.staff.phone.onDuty(hour, ctx.loadAt(rec.startedAt).profile.staffing));
    rec.transferred = rng.chance(rec.issue.queue === 'security' ? 0.15 : 0.07);
  } else if (patience < timeout) {
    rec.waitS = Math.round(patience);
    const choseCallback = patience > CALLBACK_OFFER_AFTER_S && rng.chance(0.3);
    rec.outcome = choseCallback ? 'callback' : 'abandoned';
    if (choseCallback) rec.callbackRequestedAt = rec.startedAt + rec.waitS * SECOND;
  } else {
    rec.outcome = 'timeout';
    rec.waitS = timeout + rng.int(0, 20);
    // Half the queues promise an automatic callback after the long wait; the rest just hang up.
    if (rng.chance(0.5)) rec.callbackRequestedAt = rec.startedAt + rec.waitS * SECOND;
  }
}

export function simulateCall(ctx: GenContext, at: number, issue: Issue): CallRecord {
  const { rng } = ctx;
  const load = ctx.loadAt(at);
  const hour = ctx.clock.localHour(at);
  const pressure = load.callPressure[hour]!;
  const staffed = Number.isFinite(pressure);
  const rec: CallRecord = {
    startedAt: at, issue,
    showCustomer: issue.customerId !== '' && rng.chance(0.72),
    showCaller: rng.chance(0.985),
    showCategory: rng.chance(0.85),
    showPriority: rng.chance(0.7),
    ivr: '', outcome: 'unreachable', waitS: null, talkS: null, agent: '',
    transferred: false, callbackRequestedAt: null, callbackAt: null,
  };
  const failure = lineFailure(ctx, pressure, staffed);
  rec.ivr = ivrOption(ctx, issue, failure === 'busy');
  if (failure) rec.outcome = failure;
  else queuePhase(ctx, rec, pressure, staffed);
  if (rec.callbackRequestedAt !== null) rec.callbackAt = callbackConnects(ctx, rec.callbackRequestedAt);
  return rec;
}

/** Customer-visible silence of a call: unanswered, not a short abandon, no callback reached them. */
export function callIsSilent(rec: CallRecord): boolean {
  if (rec.outcome === 'answered') return false;
  if (rec.outcome === 'abandoned' && (rec.waitS ?? 0) < 5) return false;
  return rec.callbackAt === null || rec.callbackAt - rec.startedAt > 48 * HOUR;
}
