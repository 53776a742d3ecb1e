// What happens after a human first answers a ticket. Each flow is one of the
// shapes a 卡盟 desk really produces: solved on the spot, waiting on the
// customer's screenshot, on hold at the game publisher or payment channel,
// "已转交技术部门" and then nothing, a transfer, a conversation dropped midway,
// and refunds that take working days (or never arrive).
import { DAY, HOUR, MINUTE } from './calendar.js';
import type { TicketScript } from './ticket-script.js';

export type FlowEnd = 'resolved' | 'open' | 'closed';
export type FlowName = 'quick' | 'pending' | 'on_hold' | 'forwarded' | 'transfer' | 'dropped' | 'refund';

export const TEMPLATES = {
  forwarded: 'TPL_FORWARDED_TECH', // 已转交技术部门处理，请耐心等待
  delay: 'TPL_RECHARGE_DELAY', // 充值高峰期到账延迟，请耐心等待
  screenshot: 'TPL_ASK_SCREENSHOT', // 请提供充值截图和游戏角色ID
  refund: 'TPL_REFUND_ACCEPTED', // 退款申请已受理，预计1-3个工作日到账
  greeting: 'TPL_GREETING', // 您好，请问有什么可以帮您
  frozen: 'TPL_ACCOUNT_FROZEN', // 账号已临时冻结，请修改密码
};

/** Time an agent takes to answer a follow-up on this channel. */
export function followUpDelay(s: TicketScript): number {
  const { rng } = s.ctx;
  if (s.rec.channel === 'chat') return rng.int(20, 180) * 1000;
  if (s.rec.channel === 'email') return rng.logNormal(3 * HOUR, 0.6);
  return rng.logNormal(40 * MINUTE, 0.9);
}

function reply(s: TicketScript, delay: number, agent: string, templateChance = 0.1): void {
  const { rng } = s.ctx;
  const templateId = rng.chance(templateChance)
    ? rng.pick([TEMPLATES.greeting, TEMPLATES.delay, TEMPLATES.screenshot])
    : undefined;
  s.add(delay, 'agent_reply', templateId ? { actor: agent, templateId } : { actor: agent });
}

function customerSays(s: TicketScript, delay: number): void {
  s.add(delay, 'customer_message');
}

function quick(s: TicketScript, agent: string): FlowEnd {
  const { rng } = s.ctx;
  const rounds = rng.weighted([0, 1, 2], [50, 35, 15]);
  for (let i = 0; i < rounds; i++) {
    customerSays(s, rng.logNormal(5 * MINUTE, 1));
    reply(s, followUpDelay(s), agent);
  }
  s.add(s.rec.channel === 'chat' ? rng.int(1, 30) * MINUTE : rng.logNormal(1 * HOUR, 1), 'resolved', { actor: agent });
  return 'resolved';
}

function pending(s: TicketScript, agent: string): FlowEnd {
  const { rng } = s.ctx;
  s.add(rng.int(1, 5) * MINUTE, 'status', { actor: agent, status: 'pending' });
  if (rng.chance(0.2)) {
    s.add(3 * DAY + rng.int(0, 120) * MINUTE, 'closed', { actor: 'bot' }); // customer never came back
    return 'closed';
  }
  customerSays(s, rng.logNormal(3 * HOUR, 1.2));
  s.add(rng.int(1, 300) * 1000, 'status', { actor: agent, status: 'open' });
  reply(s, followUpDelay(s), agent);
  s.add(rng.int(2, 60) * MINUTE, 'resolved', { actor: agent });
  return 'resolved';
}

function onHold(s: TicketScript, agent: string): FlowEnd {
  const { rng } = s.ctx;
  s.add(rng.int(1, 10) * MINUTE, 'status', { actor: agent, status: 'on_hold' });
  s.add(Math.min(5 * DAY, rng.logNormal(10 * HOUR, 1)), 'status', { actor: agent, status: 'open' });
  if (rng.chance(0.15)) return refund(s, agent);
  reply(s, rng.int(1, 30) * MINUTE, agent);
  s.add(rng.int(2, 60) * MINUTE, 'resolved', { actor: agent });
  return 'resolved';
}

/** The canned "forwarded to tech" reply, then often nothing: the template-only case. */
function forwarded(s: TicketScript, agent: string): FlowEnd {
  const { rng, staff } = s.ctx;
  const tech = rng.pick(staff.tech);
  const bump = rng.chance(0.3) ? { priority: rng.chance(0.4) ? 'urgent' : 'high' } : {};
  s.add(rng.int(1, 15) * MINUTE, 'escalated', { actor: agent, ...bump });
  if (rng.chance(0.5)) s.add(rng.logNormal(2 * HOUR, 1), 'internal_note', { actor: tech });
  const branch = rng.weighted(['nothing', 'fixed', 'dropped'], [40, 35, 25]);
  if (branch === 'fixed') {
    reply(s, Math.min(40 * HOUR, rng.logNormal(18 * HOUR, 0.8)), tech, 0);
    s.add(rng.int(5, 120) * MINUTE, 'resolved', { actor: tech });
    return 'resolved';
  }
  if (branch === 'dropped') customerSays(s, rng.int(1, 24) * HOUR);
  const later = rng.weighted(['resolve', 'close', 'none'], [45, 30, 25]);
  if (later === 'resolve') {
    reply(s, rng.int(3, 10) * DAY, tech, 0);
    s.add(rng.int(5, 120) * MINUTE, 'resolved', { actor: tech });
    return 'resolved';
  }
  if (later === 'close') s.add(rng.int(5, 15) * DAY, 'closed', { actor: agent });
  return later === 'close' ? 'closed' : 'open';
}

function transfer(s: TicketScript, _agent: string): FlowEnd {
  const { rng } = s.ctx;
  const next = rng.chance(0.8) ? s.agentAt(s.t) : rng.pick(s.ctx.staff.tech);
  s.add(rng.int(5, 60) * MINUTE, 'transferred', { actor: next });
  reply(s, rng.logNormal(1 * HOUR, 1), next);
  s.add(rng.int(5, 90) * MINUTE, 'resolved', { actor: next });
  return 'resolved';
}

/** The customer writes again and nobody ever answers: follow-up silence. */
function dropped(s: TicketScript, agent: string): FlowEnd {
  const { rng } = s.ctx;
  customerSays(s, rng.logNormal(40 * MINUTE, 1));
  if (rng.chance(0.3)) customerSays(s, rng.int(1, 20) * HOUR);
  if (!rng.chance(0.4)) return 'open';
  s.add(rng.int(3, 7) * DAY, 'closed', { actor: agent });
  return 'closed';
}

function refund(s: TicketScript, agent: string): FlowEnd {
  const { rng } = s.ctx;
  const full = s.rec.issue.amount;
  const amount = rng.chance(0.1) ? Math.round(full * 50) / 100 : full;
  const requested = s.add(rng.int(1, 30) * MINUTE, 'refund_requested', { actor: agent, amount });
  const days = rng.weighted([0, 1, 2, 3, 4, 6, -1], [12, 30, 25, 12, 7, 5, 9]);
  if (days < 0) {
    customerSays(s, rng.int(3, 5) * DAY); // 退款还没到账？
    if (rng.chance(0.5)) s.add(followUpDelay(s), 'agent_reply', { actor: agent, templateId: TEMPLATES.refund });
    return 'open';
  }
  s.addAt(Math.max(requested + 10 * MINUTE, s.workingDaysLater(requested, days)), 'refund_completed', { actor: agent, amount });
  reply(s, rng.int(1, 60) * MINUTE, agent, 0.5);
  s.add(rng.int(1, 30) * MINUTE, 'resolved', { actor: agent });
  return 'resolved';
}

export const FLOWS: Record<FlowName, (s: TicketScript, agent: string) => FlowEnd> = {
  quick, pending, on_hold: onHold, forwarded, transfer, dropped, refund,
};

/** The first reply's template, which depends on where the flow is heading. */
export function firstReplyTemplate(flow: FlowName, security: boolean, chance: (p: number) => boolean): string | undefined {
  if (flow === 'forwarded') return TEMPLATES.forwarded;
  if (security && chance(0.3)) return TEMPLATES.frozen;
  if (flow === 'pending' && chance(0.6)) return TEMPLATES.screenshot;
  if (flow === 'on_hold' && chance(0.5)) return TEMPLATES.delay;
  if (flow === 'refund' && chance(0.5)) return TEMPLATES.refund;
  if (chance(0.06)) return TEMPLATES.greeting;
  return undefined;
}
