// The silence metrics of METRICS.md "Silence (沉默率)" through the HTTP API, on
// small hand-made histories: silence_rate, followup_silence_rate,
// template_only_rate and silence_before_complaint. Every expected number is
// counted by hand from the fixture; the comments say why.
//
// Files use Asia/Shanghai local times (no offset); instants in the asserts are
// written local with cst() and compared in UTC. Defaults: silence_window 48 h on
// 24x7, short_abandon_s 5, complaint_response_deadline 7 working days on
// cn-workdays, complaint_lookback 30 days.
//
// Readings used (the engine implements the same):
// - a ticket reply counts when opened ≤ reply ≤ opened + 48 h; a call is rescued
//   by a human response r of its customer key with started_at < r ≤ started_at + 48 h;
// - a window is closed when as_of ≥ its end; nothing after as_of is seen;
// - silent (numerator) when the window is closed without a response in it; not
//   silent (denominator only) once a response ≤ min(deadline, as_of) is seen;
//   otherwise pending. An answered call is not silent once its answer instant
//   (started_at + wait_s) ≤ as_of, pending before;
// - the summary's `to` is exclusive; a unit belongs to the range by its start.
import { beforeAll, describe, expect, it } from 'vitest';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

type MetricsApp = ReturnType<typeof useMetricsApp>;
type Query = Record<string, string>;
type Part = 'numerator' | 'denominator' | 'pending';

interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  pending: number;
}

interface Case {
  kind: 'call' | 'ticket' | 'complaint';
  id: string;
  state: Part;
  channel: string | null;
  deadline: string | null;
  stopped_at: string | null;
}

/** A Shanghai wall-clock time ('2026-03-04 09:00:00') as the API's UTC ISO string. */
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

// ---- fixture builders -------------------------------------------------------

const CALLS = 'call_id,started_at,queue,caller,customer_id,outcome,wait_s,talk_s,agent_id,callback_requested_at,callback_at';
const COMPLAINTS = 'complaint_id,received_at,source,customer_id,deadline_at,first_response_at';

/** One ticket event as a JSON line; the event id is derived so that no two events of a fixture collide. */
function ev(ticket: string, at: string, type: string, extra: Record<string, string> = {}): string {
  return JSON.stringify({ ticket_id: ticket, event_id: `${ticket}/${type}/${at}`, at, type, ...extra });
}
const opened = (ticket: string, at: string, channel: string, customer: string) => ev(ticket, at, 'opened', { channel, customer_id: customer });
const reply = (ticket: string, at: string, template?: string) =>
  ev(ticket, at, 'agent_reply', template === undefined ? { actor: 'A1' } : { actor: 'A1', template_id: template });
const botReply = (ticket: string, at: string) => ev(ticket, at, 'bot_reply', { actor: 'bot' });
const message = (ticket: string, at: string) => ev(ticket, at, 'customer_message');
const resolved = (ticket: string, at: string) => ev(ticket, at, 'resolved', { actor: 'A1' });
const closed = (ticket: string, at: string) => ev(ticket, at, 'closed', { actor: 'A1' });

// ---- API helpers ------------------------------------------------------------

/** GET /api/metrics/summary for one metric: its value, numerator, denominator and pending. */
async function summary(m: MetricsApp, metric: string, q: Query): Promise<Rate & { calendar_fallback?: boolean }> {
  const body = await m.get(`/api/metrics/summary?${qs({ metrics: metric, ...q })}`);
  const r = body.metrics[metric];
  expect(r, `${metric} in ${JSON.stringify(body)}`).toBeDefined();
  return r;
}

/** numerator / denominator (value null when the denominator is 0) and pending, exactly. */
async function expectRate(m: MetricsApp, metric: string, q: Query, numerator: number, denominator: number, pending: number): Promise<void> {
  const r = await summary(m, metric, q);
  expect({ numerator: r.numerator, denominator: r.denominator, pending: r.pending }, JSON.stringify(q)).toEqual({ numerator, denominator, pending });
  if (denominator === 0) expect(r.value).toBeNull();
  else expect(r.value).toBeCloseTo(numerator / denominator, 12);
}

/** Every case of one part of GET /api/cases. */
async function caseList(m: MetricsApp, metric: string, part: Part, q: Query): Promise<Case[]> {
  const body = await m.get(`/api/cases?${qs({ metric, part, page_size: 500, ...q })}`);
  expect(body.total).toBe(body.cases.length);
  return body.cases as Case[];
}

/**
 * The state of every unit the metric sees in the range, by id (units it leaves
 * out are absent), read from the three case lists; checks that the lists agree
 * with each other (the numerator is the denominator's `numerator` part).
 */
async function states(m: MetricsApp, metric: string, q: Query): Promise<Record<string, Part>> {
  const num = await caseList(m, metric, 'numerator', q);
  const den = await caseList(m, metric, 'denominator', q);
  const pend = await caseList(m, metric, 'pending', q);
  for (const c of num) expect(c.state, c.id).toBe('numerator');
  for (const c of pend) expect(c.state, c.id).toBe('pending');
  const ids = (cs: Case[]) => cs.map((c) => c.id).sort();
  expect(ids(den.filter((c) => c.state === 'numerator'))).toEqual(ids(num));
  const out: Record<string, Part> = {};
  for (const c of [...den, ...pend]) {
    expect(out[c.id], `${c.id} listed twice`).toBeUndefined();
    out[c.id] = c.state;
  }
  return out;
}

/** One case of a part, with its instants as UTC ISO strings. */
async function oneCase(m: MetricsApp, metric: string, part: Part, q: Query, id: string): Promise<Case> {
  const c = (await caseList(m, metric, part, q)).find((x) => x.id === id);
  expect(c, `${id} in ${part}`).toBeDefined();
  return { ...c!, deadline: iso(c!.deadline), stopped_at: iso(c!.stopped_at) };
}

// ---- silence_rate -----------------------------------------------------------

describe('silence_rate', () => {
  const m = useMetricsApp('file');
  const AS_OF = '2026-03-20T12:00:00+08:00';
  const ALL = { from: '2026-02-01', to: '2026-03-21', as_of: AS_OF };
  const DAY_0302 = { from: '2026-03-02', to: '2026-03-03', as_of: AS_OF };
  const DAY_0320 = { from: '2026-03-20', to: '2026-03-21', as_of: AS_OF };

  beforeAll(async () => {
    await m.loadText('ticket_events', 'tickets.jsonl', lines(
      // T1: reply exactly at opened + 48 h (03-04 09:00:00): within the window, not silent
      opened('T1', '2026-03-02 09:00:00', 'chat', 'P1'),
      reply('T1', '2026-03-04 09:00:00'),
      // T2: reply one second after the window's end: silent
      opened('T2', '2026-03-02 09:00:00', 'chat', 'P2'),
      reply('T2', '2026-03-04 09:00:01'),
      // T3: only a bot reply: no human response, silent
      opened('T3', '2026-03-02 10:00:00', 'chat', 'P3'),
      botReply('T3', '2026-03-02 10:00:05'),
      // T4: resolved and closed without a reply: silent
      opened('T4', '2026-03-02 11:00:00', 'web', 'P4'),
      resolved('T4', '2026-03-02 12:00:00'),
      closed('T4', '2026-03-02 12:00:30'),
      // T5: Q4's e-mail, replied the next morning: not silent; the reply also rescues Q4's call C4
      opened('T5', '2026-03-02 20:00:00', 'email', 'Q4'),
      reply('T5', '2026-03-03 08:00:00'),
      // T10: P10's ticket never gets a reply; P10's call C13 answered within the
      // window is a human response to P10 but no agent_reply on T10: silent
      opened('T10', '2026-03-05 09:00:00', 'social', 'P10'),
      // as_of 03-20 12:00 ----------------------------------------------------
      // T6: opened 10 h before as_of, no reply yet: pending (window ends 03-22 02:00)
      opened('T6', '2026-03-20 02:00:00', 'chat', 'P6'),
      // T7: opened 10 h before as_of and already replied: mature, not silent
      opened('T7', '2026-03-20 02:00:00', 'chat', 'P7'),
      reply('T7', '2026-03-20 03:00:00'),
      // T9: its reply (14:00) comes after as_of, so it is not seen: pending
      opened('T9', '2026-03-20 02:00:00', 'chat', 'P9'),
      reply('T9', '2026-03-20 14:00:00'),
      // T8: opened after as_of: does not exist at as_of
      opened('T8', '2026-03-20 13:00:00', 'chat', 'P8'),
    ));
    await m.loadText('calls', 'calls.csv', lines(
      CALLS,
      // C1: asked for a callback that connected at 15:00: rescued by its own callback
      'C1,2026-03-02 09:00:00,orders,,Q1,callback,60,,,2026-03-02 09:01:00,2026-03-02 15:00:00',
      // C2: no customer id, the caller is the key; rescued by C3's answer at
      // 03-04 09:59:30 + 30 s = 10:00:00, exactly started_at + 48 h (in the window)
      'C2,2026-03-02 10:00:00,orders,13900000002,,timeout,120,,,,',
      'C3,2026-03-04 09:59:30,orders,13900000002,,answered,30,60,A1,,',
      // C4: abandoned after 40 s; rescued by the agent reply on Q4's ticket T5 (03-03 08:00)
      'C4,2026-03-02 11:00:00,orders,,Q4,abandoned,40,,,,',
      // C5: busy; Q5's next call C6 starts inside the window (11:59:50) but is
      // answered at 11:59:50 + 11 s = 12:00:01 = started_at + 48 h + 1 s: too late, silent
      'C5,2026-03-02 12:00:00,orders,,Q5,busy,,,,,',
      'C6,2026-03-04 11:59:50,orders,,Q5,answered,11,60,A1,,',
      // C7: answered: never silent
      'C7,2026-03-02 13:00:00,orders,,Q7,answered,10,100,A1,,',
      // C8: short abandon (4 s < 5 s): not a contact at all, although no one ever answers Q8
      'C8,2026-03-02 14:00:00,orders,,Q8,abandoned,4,,,,',
      // C9: abandoned after exactly 5 s: a contact; no response to its caller ever: silent
      'C9,2026-03-02 15:00:00,orders,13900000009,,abandoned,5,,,,',
      // C13: P10's answered call (see T10): not silent
      'C13,2026-03-05 10:00:00,orders,,P10,answered,10,60,A1,,',
      // as_of 03-20 12:00 ----------------------------------------------------
      // C11: timed out 3 h before as_of, no response yet: pending (window ends 03-22 09:00)
      'C11,2026-03-20 09:00:00,orders,,Q11,timeout,60,,,,',
      // C12: started before as_of but answered at 11:59:50 + 20 s = 12:00:10, after as_of: pending
      'C12,2026-03-20 11:59:50,orders,,Q12,answered,20,60,A1,,',
      // C10: starts after as_of: does not exist at as_of
      'C10,2026-03-20 13:00:00,orders,,Q10,abandoned,30,,,,',
    ));
    await m.loadText('complaints', 'complaints.csv', lines(
      COMPLAINTS,
      // K1: the regulator's deadline_at (03-04 18:00) applies; answered 03-05 09:00: silent
      // (the 7-working-day default, end of 03-11, would have made it timely)
      'K1,2026-03-02 10:00:00,12315,R1,2026-03-04 18:00:00,2026-03-05 09:00:00',
      // K2, K3: no deadline_at, default 7 working days on cn-workdays from Thu 2026-02-12:
      // Fri 13, Sat 14 (补班 make-up), [15-23 Spring Festival off], Tue 24, 25, 26, 27,
      // Sat 28 (补班) = the 7th → deadline 24:00 of Sat 28 Feb = 2026-03-01 00:00.
      // (Mon-Fri only would end 02-24 00:00; holidays without make-up days 03-04 00:00.)
      // K2 answered 02-28 23:59:59: in time, not silent
      'K2,2026-02-12 15:00:00,blackcat,R2,,2026-02-28 23:59:59',
      // K3 answered 03-01 00:00:01: one second late, silent
      'K3,2026-02-12 16:00:00,blackcat,R3,,2026-03-01 00:00:01',
      // K4: received Thu 03-19, no answer; deadline: 20, 23, 24, 25, 26, 27, 30 →
      // 2026-03-31 00:00, not passed at as_of: pending
      'K4,2026-03-19 10:00:00,12315,R4,,',
    ));
    await m.refresh();
  });

  it('counts every kind of contact of the range, pending apart', async () => {
    // numerator: T2 T3 T4 T10, C5 C9, K1 K3 = 8
    // denominator: T1 T2 T3 T4 T5 T7 T10 (7) + C1 C2 C3 C4 C5 C6 C7 C9 C13 (9) + K1 K2 K3 (3) = 19
    // pending: T6 T9, C11 C12, K4 = 5; absent: C8 (short abandon), T8 C10 (after as_of)
    await expectRate(m, 'silence_rate', ALL, 8, 19, 5);
    expect(await states(m, 'silence_rate', ALL)).toEqual({
      T1: 'denominator', T2: 'numerator', T3: 'numerator', T4: 'numerator', T5: 'denominator', T7: 'denominator', T10: 'numerator',
      C1: 'denominator', C2: 'denominator', C3: 'denominator', C4: 'denominator', C5: 'numerator', C6: 'denominator',
      C7: 'denominator', C9: 'numerator', C13: 'denominator',
      K1: 'numerator', K2: 'denominator', K3: 'numerator',
      T6: 'pending', T9: 'pending', C11: 'pending', C12: 'pending', K4: 'pending',
    });
  });

  it('takes a contact into the range by its start: from inclusive, to exclusive, Shanghai days', async () => {
    // 03-02 only: T1-T5 (T2 T3 T4 silent), C1 C2 C4 C5 C7 C9 (C5 C9 silent; C8 is no contact), K1 (silent).
    // C3 and C6 (03-04), T10 and C13 (03-05) start later; K2 K3 (02-12) earlier.
    await expectRate(m, 'silence_rate', DAY_0302, 6, 12, 0);
  });

  it('tickets: a reply at opened + 48 h counts, one second later does not; bot replies and resolving are no reply', async () => {
    const q = { ...DAY_0302, channel: 'chat,web,email' };
    expect(await states(m, 'silence_rate', q)).toEqual({
      T1: 'denominator', T2: 'numerator', T3: 'numerator', T4: 'numerator', T5: 'denominator',
    });
    await expectRate(m, 'silence_rate', q, 3, 5, 0);
    // T1's window ends at opened + 48 h, and its reply at that very instant decided it
    expect(await oneCase(m, 'silence_rate', 'denominator', q, 'T1')).toMatchObject({
      kind: 'ticket', channel: 'chat', state: 'denominator', deadline: cst('2026-03-04 09:00:00'), stopped_at: cst('2026-03-04 09:00:00'),
    });
    expect(await oneCase(m, 'silence_rate', 'numerator', q, 'T2')).toMatchObject({ kind: 'ticket', deadline: cst('2026-03-04 09:00:00') });
  });

  it('missed calls: rescued by a callback, a later answered call or a ticket reply of the same customer, within (started_at, +48 h]', async () => {
    // calls that started 03-02 to 03-04 (to = 03-05 exclusive): C1 C2 C4 (rescued), C5 (too late), C7 (answered),
    // C9 (5 s abandon, never answered), C3 C6 (answered); C8 is no contact
    const q = { from: '2026-03-02', to: '2026-03-05', as_of: AS_OF, channel: 'phone' };
    expect(await states(m, 'silence_rate', q)).toEqual({
      C1: 'denominator', C2: 'denominator', C3: 'denominator', C4: 'denominator', C5: 'numerator', C6: 'denominator',
      C7: 'denominator', C9: 'numerator',
    });
    await expectRate(m, 'silence_rate', q, 2, 8, 0);
    // what rescued each: C1 its callback; C2 C3's answer instant (03-04 09:59:30 + 30 s); C4 T5's reply
    expect(await oneCase(m, 'silence_rate', 'denominator', q, 'C1')).toMatchObject({
      kind: 'call', channel: 'phone', deadline: cst('2026-03-04 09:00:00'), stopped_at: cst('2026-03-02 15:00:00'),
    });
    expect(await oneCase(m, 'silence_rate', 'denominator', q, 'C2')).toMatchObject({
      deadline: cst('2026-03-04 10:00:00'), stopped_at: cst('2026-03-04 10:00:00'),
    });
    expect(await oneCase(m, 'silence_rate', 'denominator', q, 'C4')).toMatchObject({
      deadline: cst('2026-03-04 11:00:00'), stopped_at: cst('2026-03-03 08:00:00'),
    });
    expect(await oneCase(m, 'silence_rate', 'numerator', q, 'C5')).toMatchObject({ deadline: cst('2026-03-04 12:00:00') });
  });

  it('a ticket is answered only by an agent reply on it, not by a call answered for the same customer', async () => {
    // 03-05: T10 (no reply) is silent although C13 answered P10 one hour later; C13 is answered, not silent
    const q = { from: '2026-03-05', to: '2026-03-06', as_of: AS_OF };
    expect(await states(m, 'silence_rate', q)).toEqual({ T10: 'numerator', C13: 'denominator' });
    await expectRate(m, 'silence_rate', q, 1, 2, 0);
  });

  it('leaves contacts whose window is open at as_of pending, and does not see what comes after as_of', async () => {
    // at 03-20 12:00: T6 (no reply yet), T9 (reply at 14:00 unseen), C11 (no response yet),
    // C12 (answered at 12:00:10) pending; T7 replied: mature, not silent; T8 and C10 start after as_of
    expect(await states(m, 'silence_rate', DAY_0320)).toEqual({
      T6: 'pending', T7: 'denominator', T9: 'pending', C11: 'pending', C12: 'pending',
    });
    await expectRate(m, 'silence_rate', DAY_0320, 0, 1, 4);

    // five days later every window of 03-20 has closed: T6 (ends 03-22 02:00), T8 (03-22 13:00),
    // C10 (03-22 13:00), C11 (03-22 09:00) silent; T7, T9 (replied 14:00), C12 (answered) not silent
    const later = { ...DAY_0320, as_of: '2026-03-25T00:00:00+08:00' };
    expect(await states(m, 'silence_rate', later)).toEqual({
      T6: 'numerator', T7: 'denominator', T8: 'numerator', T9: 'denominator', C10: 'numerator', C11: 'numerator', C12: 'denominator',
    });
    await expectRate(m, 'silence_rate', later, 4, 7, 0);
  });

  it('complaints: deadline_at, else 7 working days on cn-workdays (across Spring Festival 2026 and its make-up Saturdays)', async () => {
    const q = { ...ALL, channel: 'complaint' };
    expect(await states(m, 'silence_rate', q)).toEqual({ K1: 'numerator', K2: 'denominator', K3: 'numerator', K4: 'pending' });
    await expectRate(m, 'silence_rate', q, 2, 3, 1);
    // 2026's official arrangement is known: no Monday-to-Friday fallback
    expect((await summary(m, 'silence_rate', q)).calendar_fallback).toBe(false);
    expect(await oneCase(m, 'silence_rate', 'numerator', q, 'K1')).toMatchObject({ kind: 'complaint', channel: 'complaint', deadline: cst('2026-03-04 18:00:00') });
    expect(await oneCase(m, 'silence_rate', 'denominator', q, 'K2')).toMatchObject({
      kind: 'complaint', deadline: cst('2026-03-01 00:00:00'), stopped_at: cst('2026-02-28 23:59:59'),
    });
    expect(await oneCase(m, 'silence_rate', 'numerator', q, 'K3')).toMatchObject({ deadline: cst('2026-03-01 00:00:00') });
    expect(await oneCase(m, 'silence_rate', 'pending', q, 'K4')).toMatchObject({ deadline: cst('2026-03-31 00:00:00'), stopped_at: null });
  });

  it('filters by channel: phone is the calls, chat the chat tickets, a list matches any of its values', async () => {
    // phone: C5 C9 silent of C1 C2 C3 C4 C5 C6 C7 C9 C13; C11 C12 pending
    await expectRate(m, 'silence_rate', { ...ALL, channel: 'phone' }, 2, 9, 2);
    // chat: T2 T3 silent of T1 T2 T3 T7; T6 T9 pending
    await expectRate(m, 'silence_rate', { ...ALL, channel: 'chat' }, 2, 4, 2);
    // web or email: T4 silent, T5 not
    await expectRate(m, 'silence_rate', { ...ALL, channel: 'web,email' }, 1, 2, 0);
    // the channels add up to the whole: 2+2+1 + social T10 (1/1) + complaints (2/3, 1 pending) = 8/19, 5 pending
    await expectRate(m, 'silence_rate', { ...ALL, channel: 'social' }, 1, 1, 0);
    // phone on 03-20: only pending calls (C10 does not exist yet): no mature contact, value null
    await expectRate(m, 'silence_rate', { ...DAY_0320, channel: 'phone' }, 0, 0, 2);
  });
});

// ---- followup_silence_rate --------------------------------------------------

describe('followup_silence_rate', () => {
  const m = useMetricsApp('file');
  const AT = (as_of: string) => ({ from: '2026-03-01', to: '2026-03-11', as_of });
  const NOON = AT('2026-03-10T12:00:00+08:00');

  beforeAll(async () => {
    await m.loadText('ticket_events', 'tickets.jsonl', lines(
      // F1: two follow-ups, both answered in their windows: not follow-up silent.
      // m1 03-02 10:00 → reply 03-03 10:00; m2 03-03 11:00 → reply 03-05 11:00 (exactly m2 + 48 h)
      opened('F1', '2026-03-02 09:00:00', 'chat', 'G1'),
      reply('F1', '2026-03-02 09:10:00'),
      message('F1', '2026-03-02 10:00:00'),
      reply('F1', '2026-03-03 10:00:00'),
      message('F1', '2026-03-03 11:00:00'),
      reply('F1', '2026-03-05 11:00:00'),
      // F2: m1 03-08 10:00 never answered (the 09:30 reply came before it), its window ends
      // 03-10 10:00; m2 03-10 09:00 is still open at noon. Silent from 03-10 10:00 on.
      opened('F2', '2026-03-08 09:00:00', 'chat', 'G2'),
      reply('F2', '2026-03-08 09:30:00'),
      message('F2', '2026-03-08 10:00:00'),
      message('F2', '2026-03-10 09:00:00'),
      // F3: its only follow-up (03-09 20:00) has a window open until 03-11 20:00: pending
      opened('F3', '2026-03-09 10:00:00', 'chat', 'G3'),
      reply('F3', '2026-03-09 10:05:00'),
      message('F3', '2026-03-09 20:00:00'),
      // F4: no follow-up message (and no reply at all): left out
      opened('F4', '2026-03-02 12:00:00', 'web', 'G4'),
      // F5: the follow-up 03-03 10:00 gets a bot reply at once and an agent reply one
      // second after its window (03-05 10:00:01): unanswered, follow-up silent
      opened('F5', '2026-03-03 09:00:00', 'email', 'G5'),
      reply('F5', '2026-03-03 09:05:00'),
      message('F5', '2026-03-03 10:00:00'),
      botReply('F5', '2026-03-03 10:00:01'),
      reply('F5', '2026-03-05 10:00:01'),
    ));
    await m.refresh();
  });

  it('judges every follow-up in its own window; tickets without follow-ups are left out', async () => {
    // F2 F5 silent, F1 not, F3 pending, F4 absent
    expect(await states(m, 'followup_silence_rate', NOON)).toEqual({ F1: 'denominator', F2: 'numerator', F3: 'pending', F5: 'numerator' });
    await expectRate(m, 'followup_silence_rate', NOON, 2, 3, 1);
  });

  it('a ticket is follow-up silent as soon as one window has passed unanswered, even with another still open', async () => {
    // one second before F2's first window ends: F2 is pending (F3 too)
    const before = AT('2026-03-10T09:59:59+08:00');
    expect(await states(m, 'followup_silence_rate', before)).toEqual({ F1: 'denominator', F2: 'pending', F3: 'pending', F5: 'numerator' });
    await expectRate(m, 'followup_silence_rate', before, 1, 2, 2);
    // at the window's end (as_of = end: closed) F2 is silent while its m2 (09:00) is still open
    const atEnd = AT('2026-03-10T10:00:00+08:00');
    expect((await states(m, 'followup_silence_rate', atEnd)).F2).toBe('numerator');
    await expectRate(m, 'followup_silence_rate', atEnd, 2, 3, 1);
  });

  it('decides the pending ticket once its window has passed', async () => {
    // 03-20: F3's follow-up (window to 03-11 20:00) was never answered
    const later = AT('2026-03-20T12:00:00+08:00');
    expect((await states(m, 'followup_silence_rate', later)).F3).toBe('numerator');
    await expectRate(m, 'followup_silence_rate', later, 3, 4, 0);
  });
});

// ---- template_only_rate -----------------------------------------------------

describe('template_only_rate', () => {
  const m = useMetricsApp('file');
  const AT = (as_of: string) => ({ from: '2026-03-01', to: '2026-03-11', as_of });
  const NOON = AT('2026-03-10T12:00:00+08:00');

  beforeAll(async () => {
    await m.loadText('ticket_events', 'tickets.jsonl', lines(
      // TP1: two templated replies in the window (to 03-04 09:00); the untemplated one comes a
      // second after it and the resolution on 03-05: template-only (numerator)
      opened('TP1', '2026-03-02 09:00:00', 'chat', 'H1'),
      reply('TP1', '2026-03-02 09:10:00', 'tpl-forwarded'),
      reply('TP1', '2026-03-03 09:00:00', 'tpl-please-wait'),
      reply('TP1', '2026-03-04 09:00:01'),
      resolved('TP1', '2026-03-05 09:00:00'),
      // TP2: templated, then a written reply in the window: denominator only
      opened('TP2', '2026-03-02 10:00:00', 'chat', 'H2'),
      reply('TP2', '2026-03-02 10:05:00', 'tpl-forwarded'),
      reply('TP2', '2026-03-02 11:00:00'),
      // TP3: templated but resolved within the window (03-03 11:00): denominator only
      opened('TP3', '2026-03-02 11:00:00', 'chat', 'H3'),
      reply('TP3', '2026-03-02 11:05:00', 'tpl-forwarded'),
      resolved('TP3', '2026-03-03 11:00:00'),
      // TP4: only a bot reply in the window; the agent's (templated) reply comes at
      // 03-04 12:00:01, after it: no agent reply within the window, left out
      opened('TP4', '2026-03-02 12:00:00', 'chat', 'H4'),
      botReply('TP4', '2026-03-02 12:00:05'),
      reply('TP4', '2026-03-04 12:00:01', 'tpl-forwarded'),
      // TP5: window open until 03-11 09:00, one templated reply so far, not resolved: pending at 03-10 noon
      opened('TP5', '2026-03-09 09:00:00', 'chat', 'H5'),
      reply('TP5', '2026-03-09 09:30:00', 'tpl-forwarded'),
      // TP6: window still open but a written reply already came: decided, denominator only
      opened('TP6', '2026-03-09 10:00:00', 'chat', 'H6'),
      reply('TP6', '2026-03-09 10:30:00'),
      // TP7: window still open, templated reply, but already resolved: decided, denominator only
      opened('TP7', '2026-03-09 11:00:00', 'chat', 'H7'),
      reply('TP7', '2026-03-09 11:10:00', 'tpl-forwarded'),
      resolved('TP7', '2026-03-09 12:00:00'),
    ));
    await m.refresh();
  });

  it('counts tickets whose only replies in the window are templates and that were not resolved in it', async () => {
    // TP1 of TP1 TP2 TP3 TP6 TP7; TP5 pending; TP4 left out
    expect(await states(m, 'template_only_rate', NOON)).toEqual({
      TP1: 'numerator', TP2: 'denominator', TP3: 'denominator', TP5: 'pending', TP6: 'denominator', TP7: 'denominator',
    });
    await expectRate(m, 'template_only_rate', NOON, 1, 5, 1);
  });

  it('decides the pending ticket when its window closes with only templates and no resolution', async () => {
    const later = AT('2026-03-20T12:00:00+08:00');
    expect((await states(m, 'template_only_rate', later)).TP5).toBe('numerator');
    await expectRate(m, 'template_only_rate', later, 2, 6, 0);
  });
});

// ---- silence_before_complaint -----------------------------------------------

describe('silence_before_complaint', () => {
  const m = useMetricsApp('file');
  const AT = (as_of: string) => ({ from: '2026-03-01', to: '2026-04-01', as_of });
  const NOON = AT('2026-03-20T12:00:00+08:00');

  beforeAll(async () => {
    await m.loadText('complaints', 'complaints.csv', lines(
      COMPLAINTS,
      // lookback of a complaint received 03-20 10:00: [02-18 10:00, 03-20 10:00)
      'B1,2026-03-20 10:00:00,12315,S1,,',
      'B2,2026-03-20 10:00:00,12315,S2,,',
      'B3,2026-03-20 10:00:00,12315,S3,,',
      'B4,2026-03-20 10:00:00,12315,S4,,',
      // lookback [02-16 10:00, 03-18 10:00)
      'B5,2026-03-18 10:00:00,12315,S5,,',
      'B6,2026-03-20 10:00:00,12315,S6,,',
    ));
    await m.loadText('calls', 'calls.csv', lines(
      CALLS,
      // S1: abandoned 10 days before B1, never answered (silent since 03-12 10:00): B1 in the numerator
      'S1C,2026-03-10 10:00:00,orders,,S1,abandoned,30,,,,',
      // S3: an answered call (not silent) besides the pending ticket S3T
      'S3C,2026-03-15 10:00:00,orders,,S3,answered,10,60,A1,,',
      // S4: a silent call exactly 30 days (720 h) before B4: the lookback's start is inclusive, numerator
      'S4C,2026-02-18 10:00:00,orders,,S4,timeout,60,,,,',
      // S5: answered the day before B5: not silent
      'S5C,2026-03-17 10:00:00,orders,,S5,answered,10,60,A1,,',
      // S6: only a short abandon (2 s): not a contact, so never silent; B6 denominator only
      'S6C,2026-03-15 10:00:00,orders,,S6,abandoned,2,,,,',
    ));
    await m.loadText('ticket_events', 'tickets.jsonl', lines(
      // S2: a silent ticket 31 days before B2, outside the lookback: B2 denominator only
      opened('S2T', '2026-02-17 10:00:00', 'chat', 'S2'),
      // S3: opened the day before B3, no reply; its window ends 03-21 10:00: pending at 03-20 noon
      opened('S3T', '2026-03-19 10:00:00', 'chat', 'S3'),
      // S5: opened at the instant B5 was received (silent by 03-20 10:00), but the lookback
      // ends before received_at: B5 denominator only
      opened('S5T', '2026-03-18 10:00:00', 'chat', 'S5'),
    ));
    await m.refresh();
  });

  it('counts complaints whose customer had a silent call or ticket in the 30 days before', async () => {
    // B1 B4 in the numerator; B2 B5 B6 denominator only; B3 pending
    expect(await states(m, 'silence_before_complaint', NOON)).toEqual({
      B1: 'numerator', B2: 'denominator', B3: 'pending', B4: 'numerator', B5: 'denominator', B6: 'denominator',
    });
    await expectRate(m, 'silence_before_complaint', NOON, 2, 5, 1);
  });

  it('judges the earlier contacts as of as_of, not as of the complaint', async () => {
    // 03-25: S3T's window closed on 03-21 10:00 without a reply: B3 joins the numerator
    const later = AT('2026-03-25T12:00:00+08:00');
    expect((await states(m, 'silence_before_complaint', later)).B3).toBe('numerator');
    await expectRate(m, 'silence_before_complaint', later, 3, 6, 0);
  });
});
