// Who is on duty when. Shifts leave 01:00–08:00 uncovered (the line plays
// "no agent logged in" and chats only get the bot) and the evening gamer peak
// under-covered, which is where silence comes from in a real 卡盟 desk.
import { Rng } from './prng.js';

interface Shift {
  from: number; // local hour, inclusive
  to: number; // local hour, exclusive; > 24 wraps past midnight
  share: number; // share of the team working this shift
}

const SHIFTS: readonly Shift[] = [
  { from: 8, to: 17, share: 0.38 },
  { from: 15, to: 24, share: 0.5 },
  { from: 23, to: 25, share: 0.12 },
];

/** Calls one phone agent clears per hour; tickets one chat/ticket agent clears per hour. */
export const CALLS_PER_AGENT_HOUR = 7;
export const TICKETS_PER_AGENT_HOUR = 6;

function covers(shift: Shift, hour: number): boolean {
  return (hour >= shift.from && hour < shift.to) || (hour + 24 >= shift.from && hour + 24 < shift.to);
}

/** Share of a team on duty at a local hour on a normal weekday. */
export function coverage(hour: number): number {
  let share = 0;
  for (const s of SHIFTS) if (covers(s, hour)) share += s.share;
  return share;
}

/** `A1023`-style work numbers, distinct, in shuffled order. */
function agentIds(count: number, rng: Rng): string[] {
  const width = Math.max(100, count * 2);
  const all = Array.from({ length: width }, (_, i) => 'A' + (1001 + i));
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

/** A team (phone or tickets) split into shift slices. */
export class Team {
  private readonly slices: string[][] = [];
  private readonly dutyCache = new Map<number, string[]>();

  constructor(readonly agents: string[]) {
    const n = agents.length;
    let cum = 0;
    for (const s of SHIFTS) {
      const from = Math.round(cum * n);
      cum += s.share;
      const to = Math.round(cum * n);
      this.slices.push(to > from ? agents.slice(from, to) : [agents[Math.min(from, n - 1)]!]);
    }
  }

  /** Agents logged in at a local hour given the day's staffing factor. */
  onDuty(hour: number, staffing: number): string[] {
    const key = hour * 10_000 + Math.round(staffing * 100);
    let list = this.dutyCache.get(key);
    if (!list) {
      list = [];
      SHIFTS.forEach((s, i) => {
        if (!covers(s, hour)) return;
        const slice = this.slices[i]!;
        list!.push(...slice.slice(0, Math.max(1, Math.ceil(slice.length * Math.min(1, staffing)))));
      });
      this.dutyCache.set(key, list);
    }
    return list;
  }
}

export interface Staff {
  phone: Team;
  tickets: Team;
  /** Supervisors and the technical team: escalation targets, never first responders. */
  tech: string[];
}

/**
 * ~40–60 people at scale 1, growing with volume so that load per agent stays
 * plausible: the phone team with the call volume (`scale`), the ticket team with
 * the ticket volume (`ticketScale`, default `scale`).
 */
export function buildStaff(scale: number, rng: Rng, ticketScale = scale): Staff {
  const phone = Math.max(6, Math.round(34 * scale));
  const tickets = Math.max(4, Math.round(18 * ticketScale));
  const tech = Math.max(2, Math.round(4 * Math.sqrt(scale)));
  const ids = agentIds(phone + tickets + tech, rng);
  return {
    phone: new Team(ids.slice(0, phone)),
    tickets: new Team(ids.slice(phone, phone + tickets)),
    tech: ids.slice(phone + tickets),
  };
}
