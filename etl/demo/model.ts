// Shared shapes of the generator: the context every simulator reads, the
// per-day load picture, and the contacts they produce before serialisation.
import { HOUR, type ZoneClock } from './calendar.js';
import type { CustomerPool, Issue } from './customers.js';
import type { DayProfile } from './day-profile.js';
import type { Rng } from './prng.js';
import { CALLS_PER_AGENT_HOUR, TICKETS_PER_AGENT_HOUR, type Staff, coverage } from './staffing.js';

export type TicketChannel = 'chat' | 'web' | 'email' | 'social' | 'marketplace' | 'phone';
export type ContactChannel = 'call' | TicketChannel;

/** Fresh contacts per average day at scale 1 (follow-ups and redials come on top). */
export const BASE_CALLS_PER_DAY = 1500;
export const BASE_TICKETS_PER_DAY = 560;

/** A local calendar day with its load: pressure = expected work ÷ capacity on duty. */
export interface DayLoad {
  index: number;
  profile: DayProfile;
  /** Instants of local hour starts 0..24 (25 entries; DST days stay correct). */
  hourStarts: number[];
  callsPerHour: number[];
  ticketsPerHour: number[];
  callPressure: number[];
  ticketPressure: number[];
}

/** Volume multipliers: fresh calls per hour follow `calls`, fresh tickets `tickets`. */
export interface Volume {
  calls: number;
  tickets: number;
}

export function buildDayLoad(index: number, profile: DayProfile, clock: ZoneClock, staff: Staff, volume: Volume): DayLoad {
  const { y, m, d } = profile.date;
  const hourStarts = Array.from({ length: 25 }, (_, h) => clock.toInstant(y, m, d, h));
  const total = profile.hourly.reduce((a, b) => a + b, 0);
  const share = profile.hourly.map((w) => w / total);
  const callsPerHour = share.map((s) => s * BASE_CALLS_PER_DAY * volume.calls * profile.volume);
  const ticketsPerHour = share.map((s) => s * BASE_TICKETS_PER_DAY * volume.tickets * profile.volume);
  const capacity = (team: number, perHour: number, h: number) =>
    coverage(h) * Math.min(1.15, profile.staffing) * team * perHour;
  const pressure = (load: number[], team: number, perHour: number) =>
    load.map((l, h) => (capacity(team, perHour, h) > 0 ? l / capacity(team, perHour, h) : Infinity));
  return {
    index, profile, hourStarts, callsPerHour, ticketsPerHour,
    callPressure: pressure(callsPerHour, staff.phone.agents.length, CALLS_PER_AGENT_HOUR),
    ticketPressure: pressure(ticketsPerHour, staff.tickets.agents.length, TICKETS_PER_AGENT_HOUR),
  };
}

export interface GenContext {
  rng: Rng;
  clock: ZoneClock;
  pool: CustomerPool;
  staff: Staff;
  /** Period [start, end): nothing at or after end exists yet. */
  start: number;
  end: number;
  /** Load of the local day containing an instant (clamped to the period's days). */
  loadAt(ms: number): DayLoad;
  /**
   * Share of the tickets a call leads to (channel switches, tickets logged by the
   * agent) that are kept: `ticketScale ÷ scale` when below 1, else 1 (no draw).
   */
  keepTicketFromCall: number;
  /** Multiplier of every per-contact complaint chance: `complaintScale ÷ scale` (1 by default). */
  complaintFactor: number;
}

/** First instant at or after `ms` when the team has someone logged in. */
export function nextOnDuty(ctx: GenContext, ms: number): number {
  let t = ms;
  for (let i = 0; i < 30; i++) {
    if (coverage(ctx.clock.localHour(t)) > 0) return t;
    const wall = ctx.clock.wall(t);
    t += (Math.floor(wall / HOUR) + 1) * HOUR - wall;
  }
  return t;
}

/** A contact the customer will make later (redial, switch of channel, repeat). */
export interface Intent {
  at: number;
  channel: ContactChannel;
  issue: Issue;
  depth: number;
}

export interface CallRecord {
  startedAt: number;
  issue: Issue;
  showCustomer: boolean;
  showCaller: boolean;
  showCategory: boolean;
  showPriority: boolean;
  ivr: string;
  outcome: 'answered' | 'abandoned' | 'timeout' | 'busy' | 'unreachable' | 'callback';
  waitS: number | null;
  talkS: number | null;
  agent: string;
  transferred: boolean;
  callbackRequestedAt: number | null;
  callbackAt: number | null;
}

export interface TicketEvent {
  at: number;
  type: string;
  actor?: string;
  status?: string;
  templateId?: string;
  amount?: number;
  category?: string;
  priority?: string;
  orderId?: string;
}

export interface TicketRecord {
  id: string; // assigned once the day's tickets are sorted
  openedAt: number;
  channel: TicketChannel;
  issue: Issue;
  events: TicketEvent[];
  /** No agent_reply within 48 h of opening (the METRICS.md silence window). */
  silent: boolean;
  resolved: boolean;
}

/** A complaint to be written in the file of the day it is received. */
export interface ComplaintSeed {
  receivedAt: number;
  issue: Issue;
  ticket: TicketRecord | null;
  silentBefore: boolean;
}

