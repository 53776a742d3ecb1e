// Phone (queue) and complaint metrics of METRICS.md on hand-built fixtures,
// through the real API (GET /api/metrics/summary and /series, server/metrics/API.md).
// Files use Asia/Shanghai local times (no offset = platform zone); every expected
// number is computed by hand in the comments next to it.
import { beforeAll, describe, expect, it } from 'vitest';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';
import { lines } from '../helpers/temp-warehouse.ts';

/** What the API returns for one metric (summary entry or series point). */
interface MetricNumbers {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  pending: number;
}
interface Expected {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Left out: not asserted (see the comment where it is used). */
  pending?: number;
}
interface SeriesBody {
  periods: { label: string; start: string; end: string }[];
  series: { group: string | null; points: (MetricNumbers & { period: string })[] }[];
}

/** rate: value = n / d, null when d = 0. */
const rate = (n: number, d: number, pending = 0): Expected => ({ value: d === 0 ? null : n / d, numerator: n, denominator: d, pending });
/** count: value = numerator = n, no denominator. */
const count = (n: number): Expected => ({ value: n, numerator: n, denominator: null, pending: 0 });
/** mean: numerator = sum, denominator = units, value = sum / units. */
const mean = (sum: number, n: number, pending?: number): Expected => ({ value: n === 0 ? null : sum / n, numerator: sum, denominator: n, pending });
/** percentile: quantile_cont value, no numerator, denominator = units. */
const pct = (value: number | null, n: number, pending?: number): Expected => ({ value, numerator: null, denominator: n, pending });
/** sum: value = numerator = sum, denominator = units with a value. */
const sum = (total: number, n: number): Expected => ({ value: total, numerator: total, denominator: n, pending: 0 });

function expectNumbers(actual: MetricNumbers | undefined, expected: Expected, label: string): void {
  expect(actual, label).toBeDefined();
  const a = actual!;
  const exact = { numerator: a.numerator, denominator: a.denominator, ...(expected.pending === undefined ? {} : { pending: a.pending }) };
  const want = { numerator: expected.numerator, denominator: expected.denominator, ...(expected.pending === undefined ? {} : { pending: expected.pending }) };
  if (typeof exact.numerator === 'number' && typeof want.numerator === 'number' && !Number.isInteger(want.numerator)) {
    // a CNY sum: compare to the cent-safe precision, not bit for bit
    expect(exact.numerator, `${label} numerator`).toBeCloseTo(want.numerator, 6);
    exact.numerator = want.numerator;
  }
  expect(exact, label).toEqual(want);
  if (expected.value === null) expect(a.value, `${label} value`).toBeNull();
  else expect(a.value, `${label} value`).toBeCloseTo(expected.value, 9);
}

// ---------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------

const CALLS = 'call_id,started_at,queue,caller,outcome,wait_s,agent_id,callback_requested_at,callback_at';

/**
 * Monday 2026-03-02, queues `orders` and `recharge`, every outcome. Wait ends at
 * started_at + wait_s. Defaults: short abandon < 5 s, answer target ≤ 20 s,
 * callback trigger ≥ 900 s, callback target ≤ 180 s.
 */
const PHONE_CALLS = lines(
  CALLS,
  // --- orders ---
  'C01,2026-03-02 09:00:00,orders,13800000001,answered,10,A1,,', // answered within 20 s
  'C02,2026-03-02 09:05:00,orders,13800000002,answered,20,A1,,', // answered at exactly 20 s: ≤ target, in service level
  'C03,2026-03-02 09:10:00,orders,13800000003,answered,21,A2,,', // 21 s: answered but outside service level
  'C04,2026-03-02 09:15:00,orders,13800000004,abandoned,3,,,', // short abandon (3 < 5): an attempt, not offered
  'C05,2026-03-02 09:20:00,orders,13800000005,abandoned,5,,,', // 5 s is not < 5: a real abandon, offered
  'C06,2026-03-02 09:25:00,orders,13800000006,abandoned,950,,,', // ≥ 900 s, no callback promised: missed obligation
  // timeout at exactly 900 s (≥ trigger) but a callback was promised at 09:45:00 and connected 120 s later: kept, not missed
  'C07,2026-03-02 09:30:00,orders,13800000007,timeout,900,,2026-03-02 09:45:00,2026-03-02 09:47:00',
  'C08,2026-03-02 09:35:00,orders,13800000008,busy,,,,', // line failure: never queued
  // callback chosen after 60 s; connected exactly 180 s after the request: ≤ target, kept
  'C09,2026-03-02 09:40:00,orders,13800000009,callback,60,,2026-03-02 09:41:00,2026-03-02 09:44:00',
  // --- recharge ---
  'C10,2026-03-02 10:00:00,recharge,13900000010,answered,40,A3,,', // answered, outside service level
  'C11,2026-03-02 10:05:00,recharge,13900000011,unreachable,,,,', // line failure
  // callback connected 181 s after the request: one second late, not kept
  'C12,2026-03-02 10:10:00,recharge,13900000012,callback,120,,2026-03-02 10:12:00,2026-03-02 10:15:01',
  // callback requested 10:20:30 and never connected: not kept once 10:23:30 has passed
  'C13,2026-03-02 10:20:00,recharge,13900000013,callback,30,,2026-03-02 10:20:30,',
  'C14,2026-03-02 10:30:00,recharge,13900000014,timeout,1000,,,', // ≥ 900 s, no callback promised: missed obligation
  'C15,2026-03-02 10:40:00,recharge,13900000015,abandoned,0,,,', // short abandon (0 < 5)
  'C16,2026-03-02 11:00:00,recharge,13900000016,answered,5,A3,,', // answered within 20 s
  // started 11:50:00, answered at 11:53:00: still waiting at AS_OF_1 (11:52), so pending there
  'C17,2026-03-02 11:50:00,recharge,13900000017,answered,180,A3,,',
  // wait ends 11:55:30 with a callback request; connected 11:57:00 (90 s, kept). At AS_OF_2 (11:56)
  // the request is 30 s old and no callback has come: callback_kept pending
  'C18,2026-03-02 11:55:00,orders,13800000018,callback,30,,2026-03-02 11:55:30,2026-03-02 11:57:00',
  'C19,2026-03-02 12:30:00,orders,13800000019,answered,15,A1,,', // starts after AS_OF_1 and AS_OF_2: does not exist for them
);

const PHONE_IDS = [
  'attempts', 'unreachable_rate', 'offered', 'answer_rate', 'abandon_rate', 'timeout_rate', 'callback_rate', 'service_level',
  'asa', 'asa_p50', 'asa_p90', 'callback_kept', 'callback_missed_obligation',
] as const;
type PhoneId = (typeof PHONE_IDS)[number];

const DAY = { from: '2026-03-02', to: '2026-03-03' };
/** Everything has happened. */
const LATE = '2026-03-03T00:00:00+08:00';
/** C17 still in the queue; C18, C19 not yet started. */
const AS_OF_1 = '2026-03-02T11:52:00+08:00';
/** C17 answered; C18's callback requested but not yet connected; C19 not yet started. */
const AS_OF_2 = '2026-03-02T11:56:00+08:00';

/**
 * At LATE, all 19 calls:
 *   line failures C08, C11 = 2; short abandons C04, C15 = 2; offered 19 − 2 − 2 = 15
 *   answered C01 C02 C03 C10 C16 C17 C19 = 7; abandoned (not short) C05 C06 = 2;
 *   timeout C07 C14 = 2; callback C09 C12 C13 C18 = 4 (7 + 2 + 2 + 4 = 15)
 *   service level: wait ≤ 20 among answered: C01 (10), C02 (20), C16 (5), C19 (15) = 4
 *   answered waits 10 20 21 40 5 180 15: sum 291 over 7; sorted 5 10 15 20 21 40 180
 *     p50: position 6·0.5 = 3 → 20; p90: position 6·0.9 = 5.4 → 40 + 0.4·(180 − 40) = 96
 *   callback requested: C07 (120 s), C09 (180 s), C12 (181 s), C13 (never), C18 (90 s): kept 3 of 5
 *   offered, not answered, wait ≥ 900: C06 (950), C07 (900, requested), C14 (1000); without a request C06, C14: 2 of 3
 */
const ALL_AT_LATE: Record<PhoneId, Expected> = {
  attempts: count(19),
  unreachable_rate: rate(2, 19),
  offered: count(15),
  answer_rate: rate(7, 15),
  abandon_rate: rate(2, 15),
  timeout_rate: rate(2, 15),
  callback_rate: rate(4, 15),
  service_level: rate(4, 15),
  asa: mean(291, 7, 0),
  asa_p50: pct(20, 7, 0),
  asa_p90: pct(96, 7, 0),
  callback_kept: rate(3, 5),
  callback_missed_obligation: rate(2, 3),
};

/**
 * queue = orders at LATE: C01–C09, C18, C19 = 11 attempts; busy C08; short C04; offered 9
 *   answered C01 C02 C03 C19 = 4 (SL: C01 C02 C19 = 3); abandoned C05 C06 = 2; timeout C07 = 1;
 *   callback C09 C18 = 2. Waits 10 20 21 15: sum 66 over 4; sorted 10 15 20 21:
 *   p50 position 1.5 → 15 + 0.5·5 = 17.5; p90 position 2.7 → 20 + 0.7·1 = 20.7.
 *   Callback requested C07 C09 C18, all kept: 3/3. Wait ≥ 900 not answered: C06 (no request), C07 (request): 1/2.
 */
const ORDERS_AT_LATE: Record<PhoneId, Expected> = {
  attempts: count(11),
  unreachable_rate: rate(1, 11),
  offered: count(9),
  answer_rate: rate(4, 9),
  abandon_rate: rate(2, 9),
  timeout_rate: rate(1, 9),
  callback_rate: rate(2, 9),
  service_level: rate(3, 9),
  asa: mean(66, 4, 0),
  asa_p50: pct(17.5, 4, 0),
  asa_p90: pct(20.7, 4, 0),
  callback_kept: rate(3, 3),
  callback_missed_obligation: rate(1, 2),
};

/**
 * queue = recharge at LATE: C10–C17 = 8 attempts; unreachable C11; short C15; offered 6
 *   answered C10 C16 C17 = 3 (SL: C16 = 1); no real abandon (0/6 = 0, not null); timeout C14 = 1;
 *   callback C12 C13 = 2. Waits 40 5 180: sum 225 over 3; sorted 5 40 180: p50 40;
 *   p90 position 1.8 → 40 + 0.8·140 = 152. Callback requested C12 (181 s), C13 (never): 0/2.
 *   Wait ≥ 900 not answered: C14 (no request): 1/1.
 */
const RECHARGE_AT_LATE: Record<PhoneId, Expected> = {
  attempts: count(8),
  unreachable_rate: rate(1, 8),
  offered: count(6),
  answer_rate: rate(3, 6),
  abandon_rate: rate(0, 6),
  timeout_rate: rate(1, 6),
  callback_rate: rate(2, 6),
  service_level: rate(1, 6),
  asa: mean(225, 3, 0),
  asa_p50: pct(40, 3, 0),
  asa_p90: pct(152, 3, 0),
  callback_kept: rate(0, 2),
  callback_missed_obligation: rate(1, 1),
};

describe('phone metrics', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('calls', 'calls.csv', PHONE_CALLS);
    await m.refresh();
  });

  async function summary(params: Record<string, string>): Promise<Record<string, MetricNumbers & Record<string, unknown>>> {
    const body = await m.get(`/api/metrics/summary?${qs({ ...DAY, metrics: PHONE_IDS.join(','), ...params })}`);
    return body.metrics;
  }

  it('computes every phone metric when every call has finished', async () => {
    const got = await summary({ as_of: LATE });
    for (const id of PHONE_IDS) expectNumbers(got[id], ALL_AT_LATE[id], id);
    // each entry says what it is
    expect(got.answer_rate).toMatchObject({ unit: 'ratio', definition: { id: 'answer_rate', version: 1 } });
    expect(got.asa).toMatchObject({ unit: 'seconds', definition: { id: 'asa', version: 1 } });
    expect(got.attempts).toMatchObject({ unit: 'count' });
  });

  it('leaves a call still waiting at as_of out of the rates (pending) but counts it as an attempt', async () => {
    // AS_OF_1 = 11:52: C01–C17 exist (C18 starts 11:55, C19 12:30). C17 (11:50 + 180 s = 11:53) is still
    // in the queue: its outcome is unknown, so it is pending for every phone rate.
    const got = await summary({ as_of: AS_OF_1 });
    // every call started at or before as_of: C01–C17
    expectNumbers(got.attempts, count(17), 'attempts');
    // line failures C08, C11 over the 16 attempts whose outcome is known (C17 pending)
    expectNumbers(got.unreachable_rate, rate(2, 16, 1), 'unreachable_rate');
    // mature offered: 15 − C17 − C18 − C19 = 12; answered C01 C02 C03 C10 C16 = 5
    expectNumbers(got.answer_rate, rate(5, 12, 1), 'answer_rate');
    expectNumbers(got.abandon_rate, rate(2, 12, 1), 'abandon_rate'); // C05, C06
    expectNumbers(got.timeout_rate, rate(2, 12, 1), 'timeout_rate'); // C07, C14
    expectNumbers(got.callback_rate, rate(3, 12, 1), 'callback_rate'); // C09, C12, C13
    expectNumbers(got.service_level, rate(3, 12, 1), 'service_level'); // C01, C02, C16
    // C17 has waited 120 s of a possible ≥ 900: pending here too; C06, C07, C14 decided: 2/3
    expectNumbers(got.callback_missed_obligation, rate(2, 3, 1), 'callback_missed_obligation');
    // answered by 11:52: waits 10 20 21 40 5, sum 96 over 5; sorted 5 10 20 21 40:
    // p50 position 2 → 20; p90 position 3.6 → 21 + 0.6·19 = 32.4.
    // (pending of the mean and the percentiles not asserted: API.md does not say whether a call
    // still queued is "pending" for ASA.)
    expectNumbers(got.asa, mean(96, 5), 'asa');
    expectNumbers(got.asa_p50, pct(20, 5), 'asa_p50');
    expectNumbers(got.asa_p90, pct(32.4, 5), 'asa_p90');
  });

  it('keeps a callback pending while its target has not passed and none has come', async () => {
    // AS_OF_2 = 11:56: C01–C18 exist and every wait has ended (C17 answered 11:53, C18 chose a callback at 11:55:30).
    const got = await summary({ as_of: AS_OF_2 });
    expectNumbers(got.attempts, count(18), 'attempts');
    expectNumbers(got.offered, count(14), 'offered'); // 15 − C19
    expectNumbers(got.answer_rate, rate(6, 14), 'answer_rate'); // C01 C02 C03 C10 C16 C17
    expectNumbers(got.callback_rate, rate(4, 14), 'callback_rate'); // C09 C12 C13 C18
    // C18: requested 11:55:30, target 11:58:30 not passed, callback (11:57) not yet seen: pending.
    // decided: C07 kept, C09 kept, C12 late, C13 never → 2/4
    expectNumbers(got.callback_kept, rate(2, 4, 1), 'callback_kept');
    expectNumbers(got.callback_missed_obligation, rate(2, 3), 'callback_missed_obligation');
    // answered: 10 20 21 40 5 180 = 276 over 6
    expectNumbers(got.asa, mean(276, 6, 0), 'asa');
  });

  it('filters by queue, one value or a list', async () => {
    const orders = await summary({ as_of: LATE, queue: 'orders' });
    for (const id of PHONE_IDS) expectNumbers(orders[id], ORDERS_AT_LATE[id], `orders ${id}`);
    const body = await m.get(`/api/metrics/summary?${qs({ ...DAY, as_of: LATE, metrics: 'attempts', queue: 'orders' })}`);
    expect(body).toMatchObject({ filters: { queue: ['orders'] }, time_zone: 'Asia/Shanghai', from: '2026-03-01T16:00:00.000Z', to: '2026-03-02T16:00:00.000Z' });
    expect(Object.keys(body.metrics)).toEqual(['attempts']);
    const recharge = await summary({ as_of: LATE, queue: 'recharge' });
    for (const id of PHONE_IDS) expectNumbers(recharge[id], RECHARGE_AT_LATE[id], `recharge ${id}`);
    // a list matches any of its values: both queues = everything
    const both = await summary({ as_of: LATE, queue: 'orders,recharge' });
    for (const id of PHONE_IDS) expectNumbers(both[id], ALL_AT_LATE[id], `both ${id}`);
    // a queue nobody called: counts 0, rates null over 0
    const none = await summary({ as_of: LATE, queue: 'security' });
    expectNumbers(none.attempts, count(0), 'security attempts');
    expectNumbers(none.answer_rate, rate(0, 0), 'security answer_rate');
    expect(none.asa).toMatchObject({ value: null, denominator: 0 }); // (a sum over no call: 0 or null, API.md does not say)
    expectNumbers(none.asa_p50, pct(null, 0, 0), 'security asa_p50');
  });

  it('gives a series per queue that matches the filtered summaries', async () => {
    for (const id of PHONE_IDS) {
      const body = await m.get<SeriesBody>(`/api/metrics/series?${qs({ ...DAY, as_of: LATE, metric: id, group_by: 'queue' })}`);
      expect(body.periods.map((p) => p.label), id).toEqual(['2026-03-02']);
      expect(body.series.map((s) => s.group).sort(), id).toEqual(['orders', 'recharge']);
      const point = (group: string) => {
        const s = body.series.find((x) => x.group === group)!;
        expect(s.points.map((p) => p.period), `${id} ${group}`).toEqual(['2026-03-02']);
        return s.points[0];
      };
      expectNumbers(point('orders'), ORDERS_AT_LATE[id], `series orders ${id}`);
      expectNumbers(point('recharge'), RECHARGE_AT_LATE[id], `series recharge ${id}`);
    }
  });
});

// ---------------------------------------------------------------------------
// Complaints
// ---------------------------------------------------------------------------

/**
 * cn-workdays around the 2026 Spring Festival (chinese-days 1.5.7): Sat 02-14 is a
 * make-up working day, 02-15 … 02-23 are holidays, Sat 02-28 is a make-up working day,
 * Sun 03-01 is a weekend day.
 * Default deadline (7 working days after the local day of received_at, 24:00):
 *   received Thu 02-12: 02-13 (1), 02-14 (2), 02-24 (3), 02-25 (4), 02-26 (5), 02-27 (6), 02-28 (7)
 *     → 2026-03-01 00:00 +08:00 (= 2026-02-28T16:00Z)
 *   received Fri 02-13: 02-14 (1), 02-24 … 02-28 (2–6), Mon 03-02 (7)
 *     → 2026-03-03 00:00 +08:00
 * (Monday–Friday without holidays would give 02-24 00:00 for 02-12; holidays without the
 * make-up days 03-04 00:00: K1/K2 tell them apart.)
 */
const COMPLAINTS = lines(
  'complaint_id,received_at,source,amount,deadline_at,first_response_at',
  // deadline 03-01 00:00; responded exactly at it: at or before → timely
  'K1,2026-02-12 10:00:00,12315,100.50,,2026-03-01 00:00:00',
  // same deadline; responded one second after it → late
  'K2,2026-02-12 15:00:00,12315,,,2026-03-01 00:00:01',
  // same deadline; never responded → late once the deadline has passed
  'K3,2026-02-12 09:00:00,blackcat,200,,',
  // the regulator's own deadline (02-14 18:00) applies; responded 17:00 → timely
  'K4,2026-02-12 11:00:00,payment_dispute,49.50,2026-02-14 18:00:00,2026-02-14 17:00:00',
  // 07:00 local is 02-12T23:00Z: its day is the local 02-13, deadline 03-03 00:00 (not 03-01). No response.
  'K5,2026-02-13 07:00:00,consumer_association,,,',
  // deadline 03-03 00:00; responded 03-02 11:00 → timely, mature as soon as it is responded
  'K6,2026-02-13 16:00:00,blackcat,,,2026-03-02 11:00:00',
  // deadline 03-03 00:00; responded 03-02 13:00 → timely, but only seen from 13:00 on
  'K7,2026-02-13 20:00:00,12315,,,2026-03-02 13:00:00',
  // own deadline 02-13 12:00; responded 12:30 → late
  'K8,2026-02-13 09:30:00,payment_dispute,1000,2026-02-13 12:00:00,2026-02-13 12:30:00',
  // received at 02-14 00:00 local: outside [02-12, 02-14)
  'K9,2026-02-14 00:00:00,12315,5,,2026-02-14 09:00:00',
);

/** Contacts for complaint_rate in the same days. */
const CONTACT_CALLS = lines(
  'call_id,started_at,queue,caller,outcome,wait_s,agent_id',
  'D1,2026-02-12 10:00:00,orders,13700000001,answered,10,A1', // a contact
  'D2,2026-02-12 11:00:00,orders,13700000002,abandoned,2,', // short abandon: no contact
  'D3,2026-02-13 09:00:00,recharge,13700000003,busy,,', // a line failure is still a contact
  'D4,2026-02-13 23:59:59,orders,13700000004,abandoned,30,', // last second of 02-13 local
  'D5,2026-02-14 00:00:00,orders,13700000005,answered,10,A1', // outside the range
);
const CONTACT_TICKETS = lines(
  JSON.stringify({ ticket_id: 'T1', event_id: 't1-1', at: '2026-02-12T12:00:00+08:00', type: 'opened', channel: 'chat', customer_id: 'M1' }),
  JSON.stringify({ ticket_id: 'T2', event_id: 't2-1', at: '2026-02-13T08:00:00+08:00', type: 'opened', channel: 'web', customer_id: 'M2' }),
  // opened before the range: its reply inside the range makes no contact
  JSON.stringify({ ticket_id: 'T3', event_id: 't3-1', at: '2026-02-11T23:00:00+08:00', type: 'opened', channel: 'chat', customer_id: 'M3' }),
  JSON.stringify({ ticket_id: 'T3', event_id: 't3-2', at: '2026-02-12T09:00:00+08:00', type: 'agent_reply', actor: 'A1' }),
);

const COMPLAINT_IDS = ['complaints', 'complaint_amount', 'complaint_timely_response', 'complaint_rate'] as const;
const FEB = { from: '2026-02-12', to: '2026-02-14' };
/** K1–K3's deadline passed; K5–K7's (03-03 00:00) not yet; K6 responded, K7's response still to come. */
const AS_OF_C = '2026-03-02T12:00:00+08:00';

describe('complaint metrics', () => {
  const m = useMetricsApp('file');
  beforeAll(async () => {
    await m.loadText('complaints', 'complaints.csv', COMPLAINTS);
    await m.loadText('calls', 'calls.csv', CONTACT_CALLS);
    await m.loadText('ticket_events', 'tickets.jsonl', CONTACT_TICKETS);
    await m.refresh();
  });

  async function summary(params: Record<string, string>): Promise<Record<string, MetricNumbers & Record<string, unknown>>> {
    const body = await m.get(`/api/metrics/summary?${qs({ ...FEB, metrics: COMPLAINT_IDS.join(','), ...params })}`);
    return body.metrics;
  }

  it('counts complaints, sums their amounts and judges timely response on working days', async () => {
    const got = await summary({ as_of: AS_OF_C });
    // K1–K8 (K9 is received at the exclusive end)
    expectNumbers(got.complaints, count(8), 'complaints');
    // amounts K1 100.50 + K3 200 + K4 49.50 + K8 1000 = 1350 over the 4 complaints that have one
    expectNumbers(got.complaint_amount, sum(1350, 4), 'complaint_amount');
    // timely: K1 (at the deadline), K4, K6 = 3; late: K2, K3, K8 = 3; pending: K5 (deadline 03-03, no
    // response), K7 (response at 13:00 not yet seen) = 2
    expectNumbers(got.complaint_timely_response, rate(3, 6, 2), 'complaint_timely_response');
    // contacts in [02-12, 02-14): calls D1, D3, D4 (D2 short abandon, D5 outside) + tickets T1, T2 (T3 opened 02-11)
    // + complaints K1–K8 = 13; 1000 · 8 / 13 = 615.38…
    expectNumbers(got.complaint_rate, { value: (1000 * 8) / 13, numerator: 8, denominator: 13, pending: 0 }, 'complaint_rate');
    expect(got.complaint_rate).toMatchObject({ unit: 'per_1000' });
    expect(got.complaint_amount).toMatchObject({ unit: 'cny' });
  });

  it('at the deadline instant: a response at the deadline is seen, a silent complaint is late', async () => {
    // as_of = 03-01 00:00 = the default deadline of K1–K3.
    // K1 responded at 00:00:00 ≤ as_of → timely; K2's response (00:00:01) not seen but the deadline has
    // come → late; K3 → late; K4 timely, K8 late; K5, K6 (response 03-02 not seen), K7 → pending (deadline 03-03)
    const got = await summary({ as_of: '2026-03-01T00:00:00+08:00' });
    expectNumbers(got.complaint_timely_response, rate(2, 5, 3), 'complaint_timely_response');
  });

  it('matures every complaint once all deadlines have passed', async () => {
    // as_of 03-10: K5 late (no response by 03-03 00:00), K7 timely (03-02 13:00) → timely K1 K4 K6 K7 of 8
    const got = await summary({ as_of: '2026-03-10T00:00:00+08:00' });
    expectNumbers(got.complaint_timely_response, rate(4, 8, 0), 'complaint_timely_response');
    expectNumbers(got.complaints, count(8), 'complaints');
  });

  it('filters by source', async () => {
    const pay = await summary({ as_of: AS_OF_C, source: 'payment_dispute' });
    expectNumbers(pay.complaints, count(2), 'complaints'); // K4, K8
    expectNumbers(pay.complaint_amount, sum(1049.5, 2), 'complaint_amount'); // 49.50 + 1000
    expectNumbers(pay.complaint_timely_response, rate(1, 2, 0), 'complaint_timely_response'); // K4 timely, K8 late
    // complaint_rate has no dimensions: a source filter does not apply to it
    expect(pay.complaint_rate).toMatchObject({ not_applicable: { parameter: 'source' } });
    expect(pay.complaint_rate).not.toHaveProperty('value');
    const two = await summary({ as_of: AS_OF_C, source: '12315,consumer_association' });
    expectNumbers(two.complaints, count(4), 'complaints'); // K1 K2 K7 + K5
    expectNumbers(two.complaint_amount, sum(100.5, 1), 'complaint_amount'); // K1 only has an amount
    expectNumbers(two.complaint_timely_response, rate(1, 2, 2), 'complaint_timely_response'); // K1 ✓, K2 ✗, K5 K7 pending
  });

  it('gives complaints by source per day, every day present in every group', async () => {
    const body = await m.get<SeriesBody>(`/api/metrics/series?${qs({ ...FEB, as_of: AS_OF_C, metric: 'complaints', group_by: 'source' })}`);
    expect(body.periods).toEqual([
      { label: '2026-02-12', start: '2026-02-11T16:00:00.000Z', end: '2026-02-12T16:00:00.000Z' },
      { label: '2026-02-13', start: '2026-02-12T16:00:00.000Z', end: '2026-02-13T16:00:00.000Z' },
    ]);
    const bySource = Object.fromEntries(body.series.map((s) => [s.group, s.points.map((p) => [p.period, p.value, p.numerator, p.denominator, p.pending])]));
    expect(bySource).toEqual({
      // 02-12: K1, K2; 02-13: K7
      '12315': [['2026-02-12', 2, 2, null, 0], ['2026-02-13', 1, 1, null, 0]],
      // only K5 (02-13); 02-12 is present with a zero count
      consumer_association: [['2026-02-12', 0, 0, null, 0], ['2026-02-13', 1, 1, null, 0]],
      blackcat: [['2026-02-12', 1, 1, null, 0], ['2026-02-13', 1, 1, null, 0]], // K3; K6
      payment_dispute: [['2026-02-12', 1, 1, null, 0], ['2026-02-13', 1, 1, null, 0]], // K4; K8
    });
  });

  it('gives timely response by source and the complaint rate per day', async () => {
    const timely = await m.get<SeriesBody>(`/api/metrics/series?${qs({ from: FEB.from, to: FEB.to, as_of: AS_OF_C, metric: 'complaint_timely_response', group_by: 'source', grain: 'month' })}`);
    // one (partial) month: 2026-02, covering only [02-12, 02-14)
    expect(timely.periods).toEqual([{ label: '2026-02', start: '2026-02-11T16:00:00.000Z', end: '2026-02-13T16:00:00.000Z' }]);
    const point = (g: string) => timely.series.find((s) => s.group === g)!.points[0];
    expectNumbers(point('12315'), rate(1, 2, 1), '12315'); // K1 ✓, K2 ✗, K7 pending
    expectNumbers(point('consumer_association'), rate(0, 0, 1), 'consumer_association'); // K5 pending: value null
    expectNumbers(point('blackcat'), rate(1, 2, 0), 'blackcat'); // K3 ✗, K6 ✓
    expectNumbers(point('payment_dispute'), rate(1, 2, 0), 'payment_dispute'); // K4 ✓, K8 ✗

    const perDay = await m.get<SeriesBody>(`/api/metrics/series?${qs({ ...FEB, as_of: AS_OF_C, metric: 'complaint_rate' })}`);
    expect(perDay.series).toHaveLength(1);
    expect(perDay.series[0]!.group).toBeNull();
    const [d12, d13] = perDay.series[0]!.points;
    // 02-12: contacts D1, T1, K1–K4 = 6; complaints 4 → 1000 · 4 / 6
    expectNumbers(d12, { value: 4000 / 6, numerator: 4, denominator: 6, pending: 0 }, 'complaint_rate 02-12');
    // 02-13: contacts D3, D4, T2, K5–K8 = 7; complaints 4 → 1000 · 4 / 7
    expectNumbers(d13, { value: 4000 / 7, numerator: 4, denominator: 7, pending: 0 }, 'complaint_rate 02-13');
  });
});
