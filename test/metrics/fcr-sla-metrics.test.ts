/**
 * FCR and SLA attainment through the real API (GET /api/metrics/summary and
 * GET /api/cases), from small hand-made fixtures. Every expected number is
 * computed by hand from ../shared/METRICS.md; each unit says why it lands where
 * it does. Files use Asia/Shanghai local times (written `+08:00`); `from` and
 * `to` are Asia/Shanghai days, `from` inclusive and `to` exclusive, and a unit
 * belongs to the range by its start (a refund by its refund_requested).
 *
 * Case keys are the unit id, with `#seq` for a refund (its order among the
 * ticket's requests). In the case lists, "numerator" units are the achieved (or
 * first-contact resolved) ones; the denominator lists them too, next to the
 * breached (or failed) ones in state "denominator".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

type App = ReturnType<typeof useMetricsApp>;
type Range = { from: string; to: string; as_of: string };

interface RateResult {
  value: number | null;
  numerator: number;
  denominator: number;
  pending: number;
  unit: string;
  definition: { id: string; version: number };
}

interface CaseRow {
  kind: string;
  id: string;
  seq: number | null;
  started_at: string;
  state: 'numerator' | 'denominator' | 'pending';
  deadline: string | null;
  stopped_at: string | null;
}

interface CasesBody {
  metric: string;
  part: string;
  total: number;
  cases: CaseRow[];
}

// ---------------------------------------------------------------- fixtures

/** `2026-03-02 10:00:00` (Asia/Shanghai wall clock) → `2026-03-02T10:00:00+08:00`. */
const cst = (local: string) => `${local.replace(' ', 'T')}+08:00`;
/** The same wall-clock instant as a UTC ISO string, for deadline asserts. */
const utc = (local: string) => new Date(cst(local)).toISOString();

type Ev = [at: string, type: string, extra?: Record<string, unknown>];

/** The JSON Lines of one ticket's events; agent events get actor A1 unless given. */
function ticket(id: string, ...events: Ev[]): string[] {
  return events.map(([at, type, extra], i) =>
    JSON.stringify({
      ticket_id: id,
      event_id: `${id}.${i + 1}`,
      at: cst(at),
      type,
      ...(['agent_reply', 'resolved', 'transferred', 'escalated', 'internal_note'].includes(type) ? { actor: 'A1' } : {}),
      ...extra,
    }),
  );
}

const opened = (at: string, channel: string, customer_id: string, extra: Record<string, unknown> = {}): Ev =>
  [at, 'opened', { channel, customer_id, ...extra }];

const CALLS = 'call_id,started_at,queue,caller,customer_id,order_id,outcome,wait_s,talk_s,agent_id,transferred';
const COMPLAINTS = 'complaint_id,received_at,source,customer_id,order_id,first_response_at,closed_at,outcome';

// ---------------------------------------------------------------- API helpers

async function rate(m: App, metric: string, r: Range): Promise<RateResult> {
  const body = await m.get<{ metrics: Record<string, RateResult> }>(`/api/metrics/summary?${qs({ metrics: metric, ...r })}`);
  expect(Object.keys(body.metrics)).toEqual([metric]);
  const res = body.metrics[metric]!;
  expect(res).toMatchObject({ unit: 'ratio', definition: { id: metric } });
  return res;
}

/** numerator, denominator (numerator included) and pending exactly; value = numerator / denominator, null at 0. */
function expectRate(res: RateResult, numerator: number, denominator: number, pending: number): void {
  expect({ numerator: res.numerator, denominator: res.denominator, pending: res.pending }).toEqual({ numerator, denominator, pending });
  if (denominator === 0) expect(res.value).toBeNull();
  else expect(res.value).toBeCloseTo(numerator / denominator, 12);
}

const key = (c: CaseRow) => (c.seq === null || c.seq === undefined ? c.id : `${c.id}#${c.seq}`);

async function cases(m: App, metric: string, part: 'numerator' | 'denominator' | 'pending', r: Range): Promise<CaseRow[]> {
  const body = await m.get<CasesBody>(`/api/cases?${qs({ metric, part, ...r, page_size: 500 })}`);
  expect(body).toMatchObject({ metric, part });
  expect(body.total).toBe(body.cases.length);
  return body.cases;
}

/**
 * The three case lists of a rate metric: `passed` are the numerator's units,
 * `failed` the denominator's other units, `pending` the units left out.
 */
async function expectCases(m: App, metric: string, r: Range, want: { passed: string[]; failed: string[]; pending: string[] }): Promise<void> {
  const num = await cases(m, metric, 'numerator', r);
  expect(num.map(key).sort()).toEqual([...want.passed].sort());
  expect(num.every((c) => c.state === 'numerator')).toBe(true);

  const den = await cases(m, metric, 'denominator', r);
  const states = Object.fromEntries(den.map((c) => [key(c), c.state]));
  const expected = Object.fromEntries([
    ...want.passed.map((k) => [k, 'numerator']),
    ...want.failed.map((k) => [k, 'denominator']),
  ]);
  expect(den).toHaveLength(want.passed.length + want.failed.length);
  expect(states).toEqual(expected);

  const pend = await cases(m, metric, 'pending', r);
  expect(pend.map(key).sort()).toEqual([...want.pending].sort());
  expect(pend.every((c) => c.state === 'pending')).toBe(true);
}

async function findCase(m: App, metric: string, part: 'numerator' | 'denominator' | 'pending', r: Range, k: string): Promise<CaseRow> {
  const found = (await cases(m, metric, part, r)).find((c) => key(c) === k);
  expect(found, `${k} in ${metric} ${part}`).toBeDefined();
  return found!;
}

const iso = (s: string | null) => (s === null ? null : new Date(s).toISOString());

// ===================================================================== FCR

describe('fcr: first-contact resolution', () => {
  const m = useMetricsApp('file');
  // fcr_window 7 days on 24x7. Units start in [2026-03-02, 2026-03-09); as_of
  // 2026-03-12 12:00, so a window is closed when resolved ≤ 2026-03-05 12:00.
  const R: Range = { from: '2026-03-02', to: '2026-03-09', as_of: cst('2026-03-12 12:00:00') };

  beforeAll(async () => {
    await m.loadText('ticket_events', 'fcr-tickets.jsonl', lines(
      // resolved 00:30 with no transfer, reopen or repeat; window closed 03-09 00:30 → resolved.
      // Opened exactly at `from` (inclusive).
      ...ticket('T_OK',
        opened('2026-03-02 00:00:00', 'chat', 'M1', { order_id: 'O1' }),
        ['2026-03-02 00:05:00', 'agent_reply'],
        ['2026-03-02 00:30:00', 'resolved']),
      // transferred before the first resolved → failed
      ...ticket('T_XFER',
        opened('2026-03-02 10:00:00', 'chat', 'M2', { order_id: 'O2' }),
        ['2026-03-02 10:10:00', 'transferred'],
        ['2026-03-02 11:00:00', 'resolved']),
      // escalated before the first resolved → failed
      ...ticket('T_ESC',
        opened('2026-03-02 10:00:00', 'web', 'M3', { order_id: 'O3' }),
        ['2026-03-02 10:10:00', 'escalated'],
        ['2026-03-02 11:00:00', 'resolved']),
      // a transfer at the very instant of the first resolved is not "before" it (strictly earlier) → resolved
      ...ticket('T_XFER_AT_RESOLVE',
        opened('2026-03-02 10:00:00', 'chat', 'M20', { order_id: 'O20' }),
        ['2026-03-02 11:00:00', 'transferred'],
        ['2026-03-02 11:00:00', 'resolved']),
      // reopened 3 days after the first resolved (inside 7 days) → failed; the second resolved changes nothing
      ...ticket('T_REOPEN',
        opened('2026-03-02 10:00:00', 'chat', 'M4', { order_id: 'O4' }),
        ['2026-03-02 11:00:00', 'resolved'],
        ['2026-03-05 11:00:00', 'reopened'],
        ['2026-03-05 12:00:00', 'resolved']),
      // reopened at exactly resolved + 7 days: reopen ≤ first_resolved + window counts → failed
      ...ticket('T_REOPEN_EDGE',
        opened('2026-03-02 10:00:00', 'chat', 'M5', { order_id: 'O5' }),
        ['2026-03-02 11:00:00', 'resolved'],
        ['2026-03-09 11:00:00', 'reopened']),
      // reopened one second after the window closed: not within the window → resolved
      ...ticket('T_REOPEN_LATE',
        opened('2026-03-02 10:00:00', 'chat', 'M6', { order_id: 'O6' }),
        ['2026-03-02 11:00:00', 'resolved'],
        ['2026-03-09 11:00:01', 'reopened']),
      // M7 calls again about the same order O7 two days after resolution (call C_REPEAT) → failed
      ...ticket('T_REPEAT',
        opened('2026-03-03 10:00:00', 'chat', 'M7', { order_id: 'O7' }),
        ['2026-03-03 11:00:00', 'resolved']),
      // M8's next ticket is about another order (O8b), and M8's call without an order is
      // a short abandon (wait 2 s < 5 s), no contact → resolved (window closed 03-10 11:00)
      ...ticket('T_OTHER_ORDER',
        opened('2026-03-03 10:00:00', 'chat', 'M8', { order_id: 'O8a' }),
        ['2026-03-03 11:00:00', 'resolved']),
      // never resolved: not eligible (and no repeat for T_OTHER_ORDER: another order)
      ...ticket('T_OTHER2', opened('2026-03-04 10:00:00', 'chat', 'M8', { order_id: 'O8b' })),
      // M9 opens a ticket without an order 3 days later: the same issue (one of them has none) → failed
      ...ticket('T_NOORDER_REPEAT',
        opened('2026-03-03 10:00:00', 'web', 'M9', { order_id: 'O9' }),
        ['2026-03-03 11:00:00', 'resolved']),
      // never resolved: not eligible (only a replied ticket)
      ...ticket('T_M9_FOLLOW',
        opened('2026-03-06 10:00:00', 'web', 'M9'),
        ['2026-03-06 10:10:00', 'agent_reply']),
      // M19 complains about the same order O19 3 days later (complaint K_FCR) → failed
      ...ticket('T_COMPLAINED',
        opened('2026-03-03 10:00:00', 'chat', 'M19', { order_id: 'O19' }),
        ['2026-03-03 11:00:00', 'resolved']),
      // never resolved at all: not eligible
      ...ticket('T_UNRESOLVED',
        opened('2026-03-02 10:00:00', 'chat', 'M17'),
        ['2026-03-02 10:01:00', 'agent_reply']),
      // resolved 2 days before as_of, nothing since: window open until 03-17 12:00 → pending
      ...ticket('T_PENDING',
        opened('2026-03-08 10:00:00', 'chat', 'M13'),
        ['2026-03-10 12:00:00', 'resolved']),
      // resolved 2 days before as_of and already reopened 1 day after: failed now, not pending
      ...ticket('T_FAILED_EARLY',
        opened('2026-03-08 10:00:00', 'chat', 'M14'),
        ['2026-03-10 12:00:00', 'resolved'],
        ['2026-03-11 12:00:00', 'reopened']),
      // its reopen (03-13) is after as_of and not seen: at as_of it is pending like T_PENDING
      ...ticket('T_FUTURE_REOPEN',
        opened('2026-03-08 10:00:00', 'chat', 'M15'),
        ['2026-03-10 12:00:00', 'resolved'],
        ['2026-03-13 12:00:00', 'reopened']),
      // resolved after as_of: not eligible yet (neither counted nor pending)
      ...ticket('T_LATE_RESOLVED',
        opened('2026-03-08 10:00:00', 'chat', 'M16'),
        ['2026-03-13 10:00:00', 'resolved']),
      // opened one second before `from` (resolved inside the range): out of range, it would be resolved
      ...ticket('T_BEFORE',
        opened('2026-03-01 23:59:59', 'chat', 'M18'),
        ['2026-03-02 00:30:00', 'resolved']),
      // opened exactly at `to` (exclusive): out of range, it would be pending
      ...ticket('T_AT_TO',
        opened('2026-03-09 00:00:00', 'chat', 'M21'),
        ['2026-03-09 01:00:00', 'resolved']),
    ));
    await m.loadText('calls', 'fcr-calls.csv', lines(
      CALLS,
      // answered, not transferred, ends 10:02:00 (started + wait 20 + talk 100); M10 never comes back → resolved
      'C_OK,2026-03-04 10:00:00,orders,13800000010,M10,O10,answered,20,100,A1,false',
      // answered but transferred → failed
      'C_XFER,2026-03-04 10:00:00,orders,13800000011,M11,O11,answered,20,100,A1,true',
      // answered, ends 10:01:00; M12 calls again at 10:30 without an order (same issue) → failed
      'C_CALLREPEAT,2026-03-04 10:00:00,orders,13800000012,M12,O12,answered,10,50,A1,false',
      'C_CALLREPEAT2,2026-03-04 10:30:00,orders,13800000012,M12,,abandoned,30,,,',
      // no customer id: the caller number is the key; the same number times out the next day → failed
      'C_ANI,2026-03-04 11:00:00,orders,13800000013,,,answered,10,50,A1,false',
      'C_ANI2,2026-03-05 11:00:00,orders,13800000013,,,timeout,60,,,',
      // M7's repeat about O7 (not answered, so not eligible itself)
      'C_REPEAT,2026-03-05 09:00:00,orders,13800000007,M7,O7,abandoned,30,,,',
      // M8's short abandon without an order: no contact, so no repeat for T_OTHER_ORDER
      'C_SHORT,2026-03-04 12:00:00,orders,13800000008,M8,,abandoned,2,,,',
    ));
    await m.loadText('complaints', 'fcr-complaints.csv', lines(
      COMPLAINTS,
      'K_FCR,2026-03-06 10:00:00,12315,M19,O19,,,',
    ));
    await m.refresh();
  });

  it('counts first-contact resolved ÷ mature eligible, pending apart', async () => {
    // resolved: T_OK, T_XFER_AT_RESOLVE, T_REOPEN_LATE, T_OTHER_ORDER, C_OK = 5
    // failed: T_XFER, T_ESC, T_REOPEN, T_REOPEN_EDGE, T_REPEAT, T_NOORDER_REPEAT,
    //         T_COMPLAINED, T_FAILED_EARLY, C_XFER, C_CALLREPEAT, C_ANI = 11
    // pending: T_PENDING, T_FUTURE_REOPEN = 2 → 5 / 16 = 0.3125
    expectRate(await rate(m, 'fcr', R), 5, 16, 2);
  });

  it('lists the contacts behind the numbers', async () => {
    await expectCases(m, 'fcr', R, {
      passed: ['T_OK', 'T_XFER_AT_RESOLVE', 'T_REOPEN_LATE', 'T_OTHER_ORDER', 'C_OK'],
      failed: ['T_XFER', 'T_ESC', 'T_REOPEN', 'T_REOPEN_EDGE', 'T_REPEAT', 'T_NOORDER_REPEAT', 'T_COMPLAINED', 'T_FAILED_EARLY', 'C_XFER', 'C_CALLREPEAT', 'C_ANI'],
      pending: ['T_PENDING', 'T_FUTURE_REOPEN'],
    });
    // kinds: a call is a call, a ticket a ticket
    expect((await findCase(m, 'fcr', 'numerator', R, 'C_OK')).kind).toBe('call');
    expect((await findCase(m, 'fcr', 'numerator', R, 'T_OK')).kind).toBe('ticket');
    // the pending ticket's window ends 7 days after its resolution (03-10 12:00)
    expect(iso((await findCase(m, 'fcr', 'pending', R, 'T_PENDING')).deadline)).toBe(utc('2026-03-17 12:00:00'));
  });

  it('has nothing eligible before the first resolution: value null at a zero denominator', async () => {
    // as_of 00:20 on 03-02: T_OK exists (opened 00:00) but is resolved only at 00:30;
    // T_BEFORE is out of range; nothing else has started yet.
    expectRate(await rate(m, 'fcr', { ...R, as_of: cst('2026-03-02 00:20:00') }), 0, 0, 0);
  });
});

// ===================================================================== SLA first response

describe('sla_first_response: opened → first agent_reply', () => {
  const m = useMetricsApp('file');
  // chat 30 s, web 15 min (900 s), both on 24x7, all priorities. as_of 03-03 12:00.
  const R: Range = { from: '2026-03-02', to: '2026-03-09', as_of: cst('2026-03-03 12:00:00') };

  beforeAll(async () => {
    await m.loadText('ticket_events', 'frt.jsonl', lines(
      // reply at +30 s: 30 ≤ 30 → achieved
      ...ticket('S_CHAT30', opened('2026-03-02 10:00:00', 'chat', 'M1'), ['2026-03-02 10:00:30', 'agent_reply']),
      // reply at +31 s → breached
      ...ticket('S_CHAT31', opened('2026-03-02 10:10:00', 'chat', 'M2'), ['2026-03-02 10:10:31', 'agent_reply']),
      // the bot reply at +5 s is no human response; the agent's at +60 s → breached
      ...ticket('S_BOT',
        opened('2026-03-02 10:20:00', 'chat', 'M3'),
        ['2026-03-02 10:20:05', 'bot_reply', { actor: 'bot' }],
        ['2026-03-02 10:21:00', 'agent_reply']),
      // urgent: the first-response target is still 30 s (urgent only changes resolution) → +45 s breached
      ...ticket('S_URGENT', opened('2026-03-02 10:30:00', 'chat', 'M4', { priority: 'urgent' }), ['2026-03-02 10:30:45', 'agent_reply']),
      // urgent at +30 s → achieved
      ...ticket('S_URGENT_OK', opened('2026-03-02 10:40:00', 'chat', 'M5', { priority: 'urgent' }), ['2026-03-02 10:40:30', 'agent_reply']),
      // web at exactly +15 min: 900 ≤ 900 → achieved
      ...ticket('S_WEB_OK', opened('2026-03-02 11:00:00', 'web', 'M6'), ['2026-03-02 11:15:00', 'agent_reply']),
      // an internal note and a status change are no response; the reply at +20 min → breached
      ...ticket('S_NOTE',
        opened('2026-03-02 12:00:00', 'web', 'M7'),
        ['2026-03-02 12:05:00', 'internal_note'],
        ['2026-03-02 12:06:00', 'status', { status: 'open' }],
        ['2026-03-02 12:20:00', 'agent_reply']),
      // no reply; at as_of 901 s have passed > 900 → breached already
      ...ticket('S_WEB_LATE', opened('2026-03-03 11:44:59', 'web', 'M8')),
      // no reply; at as_of exactly 900 s, not > 900 → pending
      ...ticket('S_WEB_EDGE', opened('2026-03-03 11:45:00', 'web', 'M9')),
      // no reply; 600 s at as_of → pending
      ...ticket('S_WEB_OPEN', opened('2026-03-03 11:50:00', 'web', 'M10')),
      // its reply (12:05) is after as_of and not seen: 300 s running → pending
      ...ticket('S_WEB_FUT', opened('2026-03-03 11:55:00', 'web', 'M11'), ['2026-03-03 12:05:00', 'agent_reply']),
      // opened after as_of: does not exist yet
      ...ticket('S_AFTER', opened('2026-03-03 12:30:00', 'chat', 'M12'), ['2026-03-03 12:30:10', 'agent_reply']),
      // opened before `from` (achieved, 20 s): out of range
      ...ticket('S_BEFORE', opened('2026-03-01 23:59:50', 'chat', 'M13'), ['2026-03-02 00:00:10', 'agent_reply']),
    ));
    await m.refresh();
  });

  it('counts achieved ÷ (achieved + breached), active tickets pending', async () => {
    // achieved: S_CHAT30, S_URGENT_OK, S_WEB_OK = 3
    // breached: S_CHAT31, S_BOT, S_URGENT, S_NOTE, S_WEB_LATE = 5
    // pending: S_WEB_EDGE, S_WEB_OPEN, S_WEB_FUT = 3 → 3 / 8 = 0.375
    expectRate(await rate(m, 'sla_first_response', R), 3, 8, 3);
  });

  it('lists the tickets behind the numbers', async () => {
    await expectCases(m, 'sla_first_response', R, {
      passed: ['S_CHAT30', 'S_URGENT_OK', 'S_WEB_OK'],
      failed: ['S_CHAT31', 'S_BOT', 'S_URGENT', 'S_NOTE', 'S_WEB_LATE'],
      pending: ['S_WEB_EDGE', 'S_WEB_OPEN', 'S_WEB_FUT'],
    });
    // the deadline is opened + target; the reply that decided it is stopped_at
    const chat31 = await findCase(m, 'sla_first_response', 'denominator', R, 'S_CHAT31');
    expect(iso(chat31.deadline)).toBe(utc('2026-03-02 10:10:30'));
    expect(iso(chat31.stopped_at)).toBe(utc('2026-03-02 10:10:31'));
    // a reply after as_of is not seen
    const fut = await findCase(m, 'sla_first_response', 'pending', R, 'S_WEB_FUT');
    expect(fut.stopped_at).toBeNull();
    expect(iso(fut.deadline)).toBe(utc('2026-03-03 12:10:00'));
  });
});

// ===================================================================== SLA resolution

describe('sla_resolution: opened → first resolved, minus pauses', () => {
  const m = useMetricsApp('file');
  // chat 24 h, urgent 4 h, on 24x7. as_of 03-04 12:00.
  const R: Range = { from: '2026-03-02', to: '2026-03-09', as_of: cst('2026-03-04 12:00:00') };

  beforeAll(async () => {
    await m.loadText('ticket_events', 'resolution.jsonl', lines(
      // 26 h wall clock, paused 12:00 → 15:00 (pending until the customer's message) = 3 h: 23 h ≤ 24 h → achieved
      ...ticket('R_PAUSE',
        opened('2026-03-02 10:00:00', 'chat', 'M1'),
        ['2026-03-02 10:05:00', 'agent_reply'],
        ['2026-03-02 12:00:00', 'status', { status: 'pending' }],
        ['2026-03-02 15:00:00', 'customer_message'],
        ['2026-03-03 12:00:00', 'resolved']),
      // the same without the pause: 26 h → breached
      ...ticket('R_NOPAUSE',
        opened('2026-03-02 10:00:00', 'chat', 'M2'),
        ['2026-03-02 10:05:00', 'agent_reply'],
        ['2026-03-03 12:00:00', 'resolved']),
      // on_hold (waiting on a third party) is no pause: 26 h → breached
      ...ticket('R_ONHOLD',
        opened('2026-03-02 10:00:00', 'chat', 'M3'),
        ['2026-03-02 12:00:00', 'status', { status: 'on_hold' }],
        ['2026-03-02 15:00:00', 'status', { status: 'open' }],
        ['2026-03-03 12:00:00', 'resolved']),
      // exactly 24 h: 24 h ≤ 24 h → achieved
      ...ticket('R_EXACT',
        opened('2026-03-02 10:00:00', 'chat', 'M4'),
        ['2026-03-03 10:00:00', 'resolved']),
      // pending from 20:00 until the resolved at 14:00 next day (18 h paused), 28 h wall: 10 h → achieved
      ...ticket('R_PAUSE_TO_RESOLVED',
        opened('2026-03-02 10:00:00', 'chat', 'M5'),
        ['2026-03-02 20:00:00', 'status', { status: 'pending' }],
        ['2026-03-03 14:00:00', 'resolved']),
      // a pause after the stop is not taken off: 24 h 30 min → breached
      ...ticket('R_PAUSE_AFTER',
        opened('2026-03-02 10:00:00', 'chat', 'M6'),
        ['2026-03-03 10:30:00', 'resolved'],
        ['2026-03-03 11:00:00', 'status', { status: 'pending' }],
        ['2026-03-03 15:00:00', 'customer_message']),
      // urgent (4 h): 5 h wall, paused 11:00 → 13:00 (status open ends it) = 2 h: 3 h → achieved
      ...ticket('R_URGENT_PAUSE',
        opened('2026-03-02 10:00:00', 'chat', 'M7', { priority: 'urgent' }),
        ['2026-03-02 11:00:00', 'status', { status: 'pending' }],
        ['2026-03-02 13:00:00', 'status', { status: 'open' }],
        ['2026-03-02 15:00:00', 'resolved']),
      // urgent: 4 h 0 min 1 s → breached
      ...ticket('R_URGENT',
        opened('2026-03-02 10:00:00', 'chat', 'M8', { priority: 'urgent' }),
        ['2026-03-02 14:00:01', 'resolved']),
      // not resolved, no pause: 30 h at as_of > 24 h → breached already
      ...ticket('R_RUNNING', opened('2026-03-03 06:00:00', 'chat', 'M9')),
      // not resolved, pending since 08:00 and still at as_of: 30 h − 28 h paused = 2 h → pending
      ...ticket('R_OPEN_PAUSE',
        opened('2026-03-03 06:00:00', 'chat', 'M10'),
        ['2026-03-03 08:00:00', 'status', { status: 'pending' }]),
      // resolved at 13:00, after as_of, not seen: 4 h running → pending
      ...ticket('R_FUT_RESOLVED',
        opened('2026-03-04 08:00:00', 'chat', 'M11'),
        ['2026-03-04 13:00:00', 'resolved']),
    ));
    await m.refresh();
  });

  it('counts achieved ÷ (achieved + breached) with paused time taken off', async () => {
    // achieved: R_PAUSE (23 h), R_EXACT (24 h), R_PAUSE_TO_RESOLVED (10 h), R_URGENT_PAUSE (3 h) = 4
    // breached: R_NOPAUSE (26 h), R_ONHOLD (26 h), R_PAUSE_AFTER (24.5 h), R_URGENT (4 h 1 s), R_RUNNING (30 h) = 5
    // pending: R_OPEN_PAUSE (2 h), R_FUT_RESOLVED (4 h) = 2 → 4 / 9
    expectRate(await rate(m, 'sla_resolution', R), 4, 9, 2);
  });

  it('lists the tickets behind the numbers', async () => {
    await expectCases(m, 'sla_resolution', R, {
      passed: ['R_PAUSE', 'R_EXACT', 'R_PAUSE_TO_RESOLVED', 'R_URGENT_PAUSE'],
      failed: ['R_NOPAUSE', 'R_ONHOLD', 'R_PAUSE_AFTER', 'R_URGENT', 'R_RUNNING'],
      pending: ['R_OPEN_PAUSE', 'R_FUT_RESOLVED'],
    });
    expect(iso((await findCase(m, 'sla_resolution', 'numerator', R, 'R_PAUSE')).stopped_at)).toBe(utc('2026-03-03 12:00:00'));
  });

  it('sees the open pause end and the resolution once as_of passes them', async () => {
    // as_of 03-05 12:00: R_OPEN_PAUSE is still pending-status (no end event): 54 h − 52 h = 2 h → pending;
    // R_FUT_RESOLVED was resolved at 13:00 on 03-04, 5 h → achieved. Everything else as before.
    expectRate(await rate(m, 'sla_resolution', { ...R, as_of: cst('2026-03-05 12:00:00') }), 5, 10, 1);
  });
});

// ===================================================================== SLA refund

describe('sla_refund: refund_requested → the refund_completed that closes it, 3 working days on cn-workdays', () => {
  const m = useMetricsApp('file');
  // National Day 2025: 10-01..10-08 off; make-up working days Sun 09-28 and Sat 10-11.
  // Refunds requested in [2025-09-15, 2025-10-01).
  const R: Range = { from: '2025-09-15', to: '2025-10-01', as_of: cst('2025-10-20 12:00:00') };
  // Earlier as_of: before the end of Sat 10-11 (the due of the 09-30 requests).
  const EARLY: Range = { ...R, as_of: cst('2025-10-11 12:00:00') };

  beforeAll(async () => {
    await m.loadText('ticket_events', 'refunds.jsonl', lines(
      // requested Tue 09-30 10:00; working days after 09-30: Thu 10-09, Fri 10-10, Sat 10-11 (make-up)
      // → due 10-11 24:00 (10-12 00:00). Completed 10-11 23:59:59 → achieved
      ...ticket('TR1',
        opened('2025-09-30 09:00:00', 'chat', 'M1'),
        ['2025-09-30 10:00:00', 'refund_requested', { amount: '50.00' }],
        ['2025-10-11 23:59:59', 'refund_completed']),
      // the same, completed 10-12 00:00:01 → breached
      ...ticket('TR2',
        opened('2025-09-30 09:00:00', 'chat', 'M2'),
        ['2025-09-30 10:00:00', 'refund_requested', { amount: '50.00' }],
        ['2025-10-12 00:00:01', 'refund_completed']),
      // two requests, two completions, paired in order (each completion closes the earliest open request):
      // #1 Mon 09-15 10:00 → due end of Thu 09-18 (16, 17, 18), closed by 09-18 12:00 → achieved
      // #2 Tue 09-16 10:00 → due end of Fri 09-19 (17, 18, 19), closed by 09-19 12:00 → achieved
      // (pairing the other way round, #1 with 09-19 12:00, would breach #1)
      ...ticket('TR3',
        opened('2025-09-15 09:00:00', 'web', 'M3'),
        ['2025-09-15 10:00:00', 'refund_requested', { amount: '10.00' }],
        ['2025-09-16 10:00:00', 'refund_requested', { amount: '20.00' }],
        ['2025-09-18 12:00:00', 'refund_completed'],
        ['2025-09-19 12:00:00', 'refund_completed']),
      // ticket opened before `from`, refund requested inside: the refund belongs to its request's period.
      // Requested Mon 09-15 → due end of Thu 09-18; completed 09-16 → achieved
      ...ticket('TR4',
        opened('2025-09-14 20:00:00', 'chat', 'M4'),
        ['2025-09-15 10:00:00', 'refund_requested'],
        ['2025-09-16 10:00:00', 'refund_completed']),
      // ticket opened inside the range, refund requested on 10-01 (≥ `to`): out of range.
      // (Due end of 10-11; completed 10-15 it would be breached.)
      ...ticket('TR5',
        opened('2025-09-30 20:00:00', 'chat', 'M5'),
        ['2025-10-01 10:00:00', 'refund_requested'],
        ['2025-10-15 10:00:00', 'refund_completed']),
      // a completion before any request closes nothing; the request of 09-30 15:00 stays open.
      // Due end of Sat 10-11 (10-12 00:00): at as_of 10-20 breached, at 10-11 12:00 pending
      ...ticket('TR6',
        opened('2025-09-29 09:00:00', 'chat', 'M6'),
        ['2025-09-29 12:00:00', 'refund_completed'],
        ['2025-09-30 15:00:00', 'refund_requested']),
      // requested Saturday 09-20 (no working day): 22, 23, 24 → due 09-25 00:00; completed exactly then → achieved (stop ≤ due)
      ...ticket('TR7',
        opened('2025-09-20 10:00:00', 'chat', 'M7'),
        ['2025-09-20 11:00:00', 'refund_requested'],
        ['2025-09-25 00:00:00', 'refund_completed']),
      // requested Saturday 09-27: Sun 09-28 (make-up), 09-29, 09-30 → due 10-01 00:00; completed 10-01 10:00 → breached
      // (counting Monday to Friday only would give end of 10-01 and achieve it)
      ...ticket('TR8',
        opened('2025-09-27 10:00:00', 'chat', 'M8'),
        ['2025-09-27 14:00:00', 'refund_requested'],
        ['2025-10-01 10:00:00', 'refund_completed']),
    ));
    await m.refresh();
  });

  it('counts refunds against 3 working days across the National Day holiday', async () => {
    // achieved: TR1#1, TR3#1, TR3#2, TR4#1, TR7#1 = 5
    // breached: TR2#1, TR6#1 (open past its due), TR8#1 = 3 → 5 / 8 = 0.625; nothing pending
    expectRate(await rate(m, 'sla_refund', R), 5, 8, 0);
    await expectCases(m, 'sla_refund', R, {
      passed: ['TR1#1', 'TR3#1', 'TR3#2', 'TR4#1', 'TR7#1'],
      failed: ['TR2#1', 'TR6#1', 'TR8#1'],
      pending: [],
    });
    const tr1 = await findCase(m, 'sla_refund', 'numerator', R, 'TR1#1');
    expect(iso(tr1.deadline)).toBe(utc('2025-10-12 00:00:00'));
    expect(iso(tr1.stopped_at)).toBe(utc('2025-10-11 23:59:59'));
  });

  it('keeps a running refund pending until its due has passed', async () => {
    // as_of Sat 10-11 12:00: the completions of TR1 (23:59:59) and TR2 (10-12) are not seen yet and
    // their due (10-12 00:00) has not passed → pending, as is TR6. TR3 ×2, TR4, TR7 achieved;
    // TR8 completed 10-01 10:00, after its due → breached. 4 / 5 = 0.8
    expectRate(await rate(m, 'sla_refund', EARLY), 4, 5, 3);
    await expectCases(m, 'sla_refund', EARLY, {
      passed: ['TR3#1', 'TR3#2', 'TR4#1', 'TR7#1'],
      failed: ['TR8#1'],
      pending: ['TR1#1', 'TR2#1', 'TR6#1'],
    });
  });
});

// ===================================================================== complaint SLAs

describe('complaint_sla_first_response and complaint_sla_resolution: 1 and 7 working days on cn-workdays', () => {
  const m = useMetricsApp('file');
  // Complaints received in [2025-09-01, 2025-10-16).
  // First response judged as of Thu 2025-10-09 12:00; resolution as of Mon 2025-10-20 12:00.
  const FR: Range = { from: '2025-09-01', to: '2025-10-16', as_of: cst('2025-10-09 12:00:00') };
  const RES: Range = { ...FR, as_of: cst('2025-10-20 12:00:00') };

  beforeAll(async () => {
    await m.loadText('complaints', 'complaints.csv', lines(
      COMPLAINTS,
      // Fri 09-12 15:00. First response: 1 working day after = Mon 09-15 24:00 (09-16 00:00); answered Mon 23:59:59 → achieved.
      // Resolution: 7 working days after = 15, 16, 17, 18, 19, 22, 23 → 09-24 00:00; closed 09-23 17:00 → achieved.
      'K_FRI,2025-09-12 15:00:00,12315,M1,O1,2025-09-15 23:59:59,2025-09-23 17:00:00,explained',
      // same day and time: answered Tue 09-16 00:00:01 → breached; closed 09-24 09:00 → breached
      'K_FRI_LATE,2025-09-12 15:00:00,blackcat,M2,O2,2025-09-16 00:00:01,2025-09-24 09:00:00,refunded',
      // Tue 09-30 16:00, before National Day. 1 working day after = Thu 10-09 → 10-10 00:00; answered 10-09 10:00 → achieved.
      // 7 working days: 10-09, 10, 11 (make-up Sat), 13, 14, 15, 16 → 10-17 00:00; closed 10-16 18:00 → achieved
      'K_HOL,2025-09-30 16:00:00,12315,M3,O3,2025-10-09 10:00:00,2025-10-16 18:00:00,compensated',
      // Sat 09-27 10:00. 1 working day after = Sun 09-28 (make-up) → 09-29 00:00; answered Mon 09-29 09:00 → breached.
      // 7 working days: 09-28, 29, 30, 10-09, 10, 11, 13 → 10-14 00:00; closed 10-14 09:00 → breached
      'K_MAKEUP,2025-09-27 10:00:00,consumer_association,M4,O4,2025-09-29 09:00:00,2025-10-14 09:00:00,explained',
      // Mon 09-29 10:00, never answered or closed. First response due 09-30 24:00 (10-01 00:00) < as_of → breached.
      // Resolution due: 09-30, 10-09, 10, 11, 13, 14, 15 → 10-16 00:00 < as_of → breached
      'K_OPEN,2025-09-29 10:00:00,payment_dispute,M5,O5,,,',
      // Tue 09-30 11:00: first response due 10-10 00:00; its response (10-09 15:00) is after the first as_of → pending there.
      // Never closed: resolution due 10-17 00:00 < 10-20 → breached
      'K_PENDING,2025-09-30 11:00:00,12315,M6,O6,2025-10-09 15:00:00,,',
      // Mon 10-13 10:00: does not exist as of 10-09. Resolution: 14, 15, 16, 17, 20, 21, 22 → due 10-23 00:00;
      // its closing (10-22) is after 10-20 12:00 → pending. First response 10-13 15:00 (not asked as of 10-09)
      'K_RES_PENDING,2025-10-13 10:00:00,12315,M7,O7,2025-10-13 15:00:00,2025-10-22 10:00:00,explained',
      // received before `from` (Sun 08-31 23:30): out of range (it would be achieved for both)
      'K_BEFORE,2025-08-31 23:30:00,12315,M8,O8,2025-09-01 10:00:00,2025-09-01 12:00:00,explained',
    ));
    await m.refresh();
  });

  it('complaint first response: 1 working day, Friday 15:00 → Monday 24:00', async () => {
    // achieved: K_FRI, K_HOL = 2; breached: K_FRI_LATE, K_MAKEUP, K_OPEN = 3; pending: K_PENDING → 2 / 5 = 0.4
    expectRate(await rate(m, 'complaint_sla_first_response', FR), 2, 5, 1);
    await expectCases(m, 'complaint_sla_first_response', FR, {
      passed: ['K_FRI', 'K_HOL'],
      failed: ['K_FRI_LATE', 'K_MAKEUP', 'K_OPEN'],
      pending: ['K_PENDING'],
    });
    expect(iso((await findCase(m, 'complaint_sla_first_response', 'numerator', FR, 'K_FRI')).deadline)).toBe(utc('2025-09-16 00:00:00'));
    expect(iso((await findCase(m, 'complaint_sla_first_response', 'numerator', FR, 'K_HOL')).deadline)).toBe(utc('2025-10-10 00:00:00'));
  });

  it('complaint resolution: received_at → closed_at within 7 working days', async () => {
    // achieved: K_FRI, K_HOL = 2; breached: K_FRI_LATE, K_MAKEUP, K_OPEN, K_PENDING = 4;
    // pending: K_RES_PENDING → 2 / 6
    expectRate(await rate(m, 'complaint_sla_resolution', RES), 2, 6, 1);
    await expectCases(m, 'complaint_sla_resolution', RES, {
      passed: ['K_FRI', 'K_HOL'],
      failed: ['K_FRI_LATE', 'K_MAKEUP', 'K_OPEN', 'K_PENDING'],
      pending: ['K_RES_PENDING'],
    });
    expect(iso((await findCase(m, 'complaint_sla_resolution', 'denominator', RES, 'K_MAKEUP')).deadline)).toBe(utc('2025-10-14 00:00:00'));
  });
});

// ===================================================================== policy changes

describe('the policy in force at the unit\'s start applies', () => {
  const m = useMetricsApp('each');
  const POLICIES = '/api/settings/policies';

  it('a mid-range change of the chat first-response target to 60 s applies to tickets opened from its effective time', async () => {
    const R: Range = { from: '2026-03-02', to: '2026-03-09', as_of: cst('2026-03-10 00:00:00') };
    await m.loadText('ticket_events', 'policy-frt.jsonl', lines(
      // opened before the change: 30 s; +30 s → achieved under both versions
      ...ticket('P_BEFORE_OK', opened('2026-03-03 10:00:00', 'chat', 'M1'), ['2026-03-03 10:00:30', 'agent_reply']),
      // opened 30 s before the change, replied after it (+45 s): the version at opened (30 s) → breached
      ...ticket('P_BEFORE', opened('2026-03-04 23:59:30', 'chat', 'M2'), ['2026-03-05 00:00:15', 'agent_reply']),
      // opened exactly at the effective time: the new version is in force there (60 s); +45 s → achieved
      ...ticket('P_EDGE', opened('2026-03-05 00:00:00', 'chat', 'M3'), ['2026-03-05 00:00:45', 'agent_reply']),
      // opened after the change: +45 s ≤ 60 s → achieved
      ...ticket('P_AFTER', opened('2026-03-05 10:00:00', 'chat', 'M4'), ['2026-03-05 10:00:45', 'agent_reply']),
      // opened after the change: +61 s > 60 s → breached
      ...ticket('P_AFTER_61', opened('2026-03-06 10:00:00', 'chat', 'M5'), ['2026-03-06 10:01:01', 'agent_reply']),
    ));
    await m.refresh();

    // Under version 1 (30 s everywhere) only P_BEFORE_OK is achieved: 1 / 5.
    expectRate(await rate(m, 'sla_first_response', R), 1, 5, 0);

    // Backdated (the real clock is past March 2026), so it needs backdate: true.
    const change = await m.send<{ version: { version: number } }>('PATCH', POLICIES, {
      note: 'chat first response 60 s from 5 March 2026',
      effective_from: cst('2026-03-05 00:00:00'),
      backdate: true,
      document: { sla: { chat: { first_response: { seconds: 60 } } } },
    }, 201);
    expect(change.version.version).toBe(2);

    // No facts refresh: a policy change alone must be reflected.
    // achieved: P_BEFORE_OK, P_EDGE, P_AFTER = 3; breached: P_BEFORE, P_AFTER_61 = 2 → 3 / 5 = 0.6
    expectRate(await rate(m, 'sla_first_response', R), 3, 5, 0);
    await expectCases(m, 'sla_first_response', R, {
      passed: ['P_BEFORE_OK', 'P_EDGE', 'P_AFTER'],
      failed: ['P_BEFORE', 'P_AFTER_61'],
      pending: [],
    });
  });

  it('a refund is judged by the policy in force at its ticket\'s opened, not at its request', async () => {
    const R: Range = { from: '2025-09-15', to: '2025-10-01', as_of: cst('2025-10-20 12:00:00') };
    // From Wed 2025-09-17 00:00 refunds must complete within 1 working day.
    await m.send('PATCH', POLICIES, {
      note: 'refunds within 1 working day from 17 September 2025',
      effective_from: cst('2025-09-17 00:00:00'),
      backdate: true,
      document: { sla: { refund: { resolution: { days: 1 } } } },
    }, 201);
    await m.loadText('ticket_events', 'policy-refunds.jsonl', lines(
      // opened Tue 09-16 (version 1: 3 working days), requested Wed 09-17 10:00 under version 2.
      // Version 1: 18, 19, 22 → due 09-23 00:00; completed Fri 09-19 12:00 → achieved
      // (version 2 would give end of Thu 09-18 → breached)
      ...ticket('RP_OLD',
        opened('2025-09-16 09:00:00', 'chat', 'M1'),
        ['2025-09-17 10:00:00', 'refund_requested'],
        ['2025-09-19 12:00:00', 'refund_completed']),
      // opened Wed 09-17 09:00 under version 2: 1 working day → due 09-19 00:00; completed 09-19 12:00 → breached
      ...ticket('RP_NEW',
        opened('2025-09-17 09:00:00', 'chat', 'M2'),
        ['2025-09-17 10:00:00', 'refund_requested'],
        ['2025-09-19 12:00:00', 'refund_completed']),
    ));
    await m.refresh();
    expectRate(await rate(m, 'sla_refund', R), 1, 2, 0);
    await expectCases(m, 'sla_refund', R, { passed: ['RP_OLD#1'], failed: ['RP_NEW#1'], pending: [] });
  });
});
