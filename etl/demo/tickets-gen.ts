// One ticket from `opened` to wherever it stands: the bot's first answer (and
// its loops on chat), silence or a first human reply whose delay grows with
// queue pressure and waits for the morning shift at night, then one of the
// flows in ticket-flows.ts, reopenings and the automatic close.
import { DAY, HOUR, MINUTE, SECOND } from './calendar.js';
import type { Issue, Queue } from './customers.js';
import type { GenContext, TicketChannel, TicketRecord } from './model.js';
import { FLOWS, type FlowName, firstReplyTemplate, followUpDelay } from './ticket-flows.js';
import { TicketScript } from './ticket-script.js';

const REPLY_WINDOW = 47 * HOUR; // a replied ticket gets its reply inside the 48 h silence window
const SILENCE_BASE: Record<TicketChannel, number> = {
  chat: 0.05, web: 0.07, social: 0.1, marketplace: 0.08, email: 0.12, phone: 0.04,
};
const NIGHT_PRESSURE = 2.2;
const FLOW_NAMES: FlowName[] = ['quick', 'pending', 'on_hold', 'forwarded', 'transfer', 'dropped', 'refund'];
const FLOW_WEIGHTS: Record<Queue, number[]> = {
  recharge: [34, 12, 16, 16, 6, 8, 8],
  orders: [42, 14, 8, 12, 8, 9, 7],
  security: [22, 12, 4, 26, 24, 8, 4],
  disputes: [18, 10, 10, 8, 6, 8, 40],
};

function opening(s: TicketScript, night: boolean): void {
  const { rng } = s.ctx;
  const { issue, channel } = s.rec;
  const extra: { category?: string; priority?: string; orderId?: string } = {};
  if (rng.chance(0.94)) extra.category = issue.category;
  if (issue.priority !== 'normal' || rng.chance(0.5)) extra.priority = issue.priority;
  // Some customers only give the order number later; the agent adds it on assignment.
  if (issue.orderId && rng.chance(0.92)) extra.orderId = issue.orderId;
  s.addAt(s.rec.openedAt, 'opened', extra);
  if (channel === 'chat') {
    s.add(rng.int(2, 6) * SECOND, 'bot_reply', { actor: 'bot' });
    // The bot repeats the same FAQ answer while the customer keeps asking for a human.
    if (rng.chance(night ? 0.8 : 0.55)) {
      for (let i = rng.int(2, 4); i > 0; i--) {
        s.add(rng.int(20, 120) * SECOND, 'customer_message');
        s.add(rng.int(2, 5) * SECOND, 'bot_reply', { actor: 'bot' });
      }
    }
  } else if (channel !== 'phone' && rng.chance(0.5)) {
    s.add(rng.int(1, 30) * SECOND, 'bot_reply', { actor: 'bot' }); // auto-responder
  }
}

function silenceChance(channel: TicketChannel, pressure: number): number {
  const p = Number.isFinite(pressure) ? pressure : NIGHT_PRESSURE;
  return Math.min(0.65, SILENCE_BASE[channel] * (1 + 4 * Math.max(0, p - 0.9)));
}

function channelDelay(s: TicketScript, p: number): number {
  const { rng } = s.ctx;
  switch (s.rec.channel) {
    case 'chat': return (20 + rng.exponential(45 * Math.max(1, p) ** 2.5)) * SECOND;
    case 'web': case 'phone': return rng.logNormal(6 * MINUTE * Math.max(0.5, p) ** 2, 0.9);
    case 'social': case 'marketplace': return rng.logNormal(30 * MINUTE * Math.max(0.5, p) ** 2, 0.8);
    case 'email': return rng.logNormal(3 * HOUR * Math.max(0.7, p), 0.7);
  }
}

/** Instant of the first human reply: after the bot phase, waiting for the shift at night. */
function firstResponseAt(s: TicketScript, pressure: number): number {
  let base = s.t;
  let p = pressure;
  if (!Number.isFinite(p)) {
    base = s.staffedAfter(base, 90 * MINUTE);
    p = s.pressureAt(base);
    if (!Number.isFinite(p)) p = 1;
  }
  const urgent = s.rec.issue.priority === 'urgent' ? 0.4 : 1;
  return Math.min(s.rec.openedAt + REPLY_WINDOW, base + channelDelay(s, p) * urgent);
}

/** No agent reply inside the window: follow-ups go unanswered, a late reply or a silent close. */
function silentTail(s: TicketScript): void {
  const { rng } = s.ctx;
  const opened = s.rec.openedAt;
  if (rng.chance(0.4)) s.add(rng.logNormal(30 * MINUTE, 1), 'assigned', { actor: s.agentAt(s.t) });
  if (rng.chance(0.55)) s.add(Math.min(20 * HOUR, rng.logNormal(2 * HOUR, 1.2)), 'customer_message'); // 人呢？
  if (rng.chance(0.25)) s.add(rng.int(2, 20) * HOUR, 'customer_message');
  const branch = rng.weighted(['late', 'close', 'none'], [30, 40, 30]);
  if (branch === 'late') {
    const agent = s.agentAt(opened + 3 * DAY);
    s.addAt(opened + rng.uniform(49, 140) * HOUR, 'agent_reply', { actor: agent });
    if (rng.chance(0.6)) {
      s.add(rng.int(5, 120) * MINUTE, 'resolved', { actor: agent });
      s.rec.resolved = true;
      if (rng.chance(0.8)) s.add(rng.int(1, 3) * DAY, 'closed', { actor: 'bot' });
    }
  } else if (branch === 'close') {
    const closer = rng.chance(0.5) ? 'bot' : s.agentAt(opened + 4 * DAY);
    if (rng.chance(0.1)) s.addAt(opened + rng.int(3, 5) * DAY, 'resolved', { actor: closer });
    s.addAt(opened + rng.uniform(3, 10) * DAY, 'closed', { actor: closer }); // closed without a word
  }
}

/** Reopened when the top-up "still has not arrived", then the automatic close. */
function afterResolved(s: TicketScript, agent: string): void {
  const { rng } = s.ctx;
  if (rng.chance(s.rec.issue.queue === 'recharge' ? 0.12 : 0.06)) {
    s.add(Math.min(6 * DAY, rng.logNormal(8 * HOUR, 1)), 'customer_message'); // 还是没到账
    s.add(rng.int(1, 30) * MINUTE, 'reopened', { actor: agent });
    if (!rng.chance(0.75)) return;
    s.add(followUpDelay(s), 'agent_reply', { actor: agent });
    s.add(rng.int(5, 60) * MINUTE, 'resolved', { actor: agent });
  }
  if (rng.chance(0.85)) s.add(rng.int(1, 3) * DAY + rng.int(0, 3600) * SECOND, 'closed', { actor: 'bot' });
}

function humanPath(s: TicketScript, pressure: number): void {
  const { rng } = s.ctx;
  const { issue } = s.rec;
  const firstAt = firstResponseAt(s, pressure);
  const agent = s.agentAt(firstAt);
  const opened = s.rec.events[0]!;
  const late = opened.orderId || !issue.orderId ? {} : { orderId: issue.orderId };
  s.addAt(firstAt - rng.int(10, 600) * SECOND, 'assigned', { actor: agent, category: issue.category, ...late });
  const flow = rng.weighted(FLOW_NAMES, FLOW_WEIGHTS[issue.queue]);
  const templateId = firstReplyTemplate(flow, issue.queue === 'security', (p) => rng.chance(p));
  s.addAt(firstAt, 'agent_reply', templateId ? { actor: agent, templateId } : { actor: agent });
  if (rng.chance(0.04)) {
    // Re-categorisation: the "top-up not arrived" turns out to be a stolen account.
    s.add(rng.int(2, 30) * MINUTE, 'internal_note', { actor: agent, category: 'security', priority: 'urgent' });
  } else if (rng.chance(0.12)) {
    s.add(rng.int(1, 20) * MINUTE, 'internal_note', { actor: agent });
  }
  if (FLOWS[flow](s, agent) === 'resolved') {
    s.rec.resolved = true;
    afterResolved(s, agent);
  }
}

/** Simulates a ticket opened at `at`; its events may run past `end` (the writer drops those). */
export function simulateTicket(ctx: GenContext, at: number, issue: Issue, channel: TicketChannel): TicketRecord {
  const rec: TicketRecord = { id: '', openedAt: at, channel, issue, events: [], silent: false, resolved: false };
  const s = new TicketScript(ctx, rec);
  const pressure = s.pressureAt(at);
  opening(s, !Number.isFinite(pressure));
  if (ctx.rng.chance(silenceChance(channel, pressure))) {
    rec.silent = true;
    silentTail(s);
  } else {
    humanPath(s, pressure);
  }
  return rec;
}
