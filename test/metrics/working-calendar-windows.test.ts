// Windows and targets on a working calendar (cn-workdays, 09:00–18:00 Asia/Shanghai):
// the silence window, the complaint look-back and an SLA duration count working
// time only. The defaults are all 24x7, so this is the one place that exercises
// the working-clock path of server/metrics/calendar-steps.ts. March 2026 has no
// holidays: Fri 03-06, Sat 03-07, Sun 03-08, Mon 03-09.
import { describe, expect, it } from 'vitest';
import { lines } from '../helpers/temp-warehouse.ts';
import { qs, useMetricsApp } from '../helpers/metrics-app.ts';

const m = useMetricsApp();
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
const ev = (ticket: string, at: string, type: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ ticket_id: ticket, event_id: `${ticket}-${type}-${at}`, at: cst(at), type, ...extra });

async function workingPolicy(): Promise<void> {
  await m.send('PATCH', '/api/settings/policies', {
    note: 'chat answered within 2 working hours; complaints look back one working day; chat first response 1 working hour',
    effective_from: cst('2026-01-01 00:00:00'),
    backdate: true,
    document: {
      silence_window: { channels: { chat: { seconds: 7200, calendar: 'cn-workdays' } } },
      complaint_lookback: { seconds: 9 * 3600, calendar: 'cn-workdays' },
      sla: { chat: { first_response: { kind: 'duration', seconds: 3600, calendar: 'cn-workdays' } } },
    },
  }, 201);
}

async function rate(metric: string, asOf: string, from = '2026-03-06', to = '2026-03-10') {
  const body = await m.get(`/api/metrics/summary?${qs({ metrics: metric, from, to, as_of: cst(asOf) })}`);
  const { numerator, denominator, pending } = body.metrics[metric];
  return { numerator, denominator, pending };
}

async function caseOf(metric: string, part: string, asOf: string, id: string) {
  const body = await m.get(`/api/cases?${qs({ metric, part, from: '2026-03-06', to: '2026-03-10', as_of: cst(asOf) })}`);
  return body.cases.find((c: { id: string }) => c.id === id);
}

describe('a silence window of 2 working hours on cn-workdays', () => {
  it('runs Friday 17:00 → Monday 10:00, and from a Saturday → Monday 11:00', async () => {
    await workingPolicy();
    await m.loadText('ticket_events', 't.jsonl', lines(
      // 1 working hour on Friday (17–18), 1 on Monday (09–10): deadline Monday 10:00
      ev('T1', '2026-03-06 17:00:00', 'opened', { channel: 'chat', customer_id: 'M1' }),
      ev('T1', '2026-03-09 10:00:00', 'agent_reply', { actor: 'A1' }), // at the deadline: within
      ev('T2', '2026-03-06 17:00:00', 'opened', { channel: 'chat', customer_id: 'M2' }),
      ev('T2', '2026-03-09 10:00:01', 'agent_reply', { actor: 'A1' }), // one second late: silent
      // the weekend does not count: a Saturday ticket's window is Monday 09:00–11:00
      ev('T3', '2026-03-07 12:00:00', 'opened', { channel: 'chat', customer_id: 'M3' }),
      ev('T3', '2026-03-09 10:59:59', 'agent_reply', { actor: 'A1' }),
      // web keeps the 48 h on 24x7: opened Friday 17:00, silent from Sunday 17:00
      ev('T4', '2026-03-06 17:00:00', 'opened', { channel: 'web', customer_id: 'M4' }),
    ));
    await m.refresh();
    // Monday 09:30: T1, T2 and T3 are still within their windows (no reply yet); T4's window has passed.
    expect(await rate('silence_rate', '2026-03-09 09:30:00')).toEqual({ numerator: 1, denominator: 1, pending: 3 });
    // Monday 10:00: T1 answered at its deadline; T2's window has just closed empty (its reply is a second away).
    expect(await rate('silence_rate', '2026-03-09 10:00:00')).toEqual({ numerator: 2, denominator: 3, pending: 1 });
    expect(await rate('silence_rate', '2026-03-20 00:00:00')).toEqual({ numerator: 2, denominator: 4, pending: 0 });
    expect((await caseOf('silence_rate', 'numerator', '2026-03-20 00:00:00', 'T2')).deadline).toBe(cst('2026-03-09 10:00:00'));
    expect((await caseOf('silence_rate', 'denominator', '2026-03-20 00:00:00', 'T3')).deadline).toBe(cst('2026-03-09 11:00:00'));
  });
});

describe('an SLA duration of 1 working hour on cn-workdays', () => {
  it('counts Friday 17:30–18:00 and Monday from 09:00', async () => {
    await workingPolicy();
    await m.loadText('ticket_events', 't.jsonl', lines(
      ev('S1', '2026-03-06 17:30:00', 'opened', { channel: 'chat', customer_id: 'M1' }),
      ev('S1', '2026-03-09 09:30:00', 'agent_reply', { actor: 'A1' }), // 30 + 30 working minutes: achieved
      ev('S2', '2026-03-06 17:30:00', 'opened', { channel: 'chat', customer_id: 'M2' }),
      ev('S2', '2026-03-09 09:30:01', 'agent_reply', { actor: 'A1' }), // one second over: breached
      ev('S3', '2026-03-06 17:30:00', 'opened', { channel: 'chat', customer_id: 'M3' }), // no reply yet
    ));
    await m.refresh();
    // Sunday noon: S3 has used 30 working minutes only, so it is still running within target.
    expect(await rate('sla_first_response', '2026-03-08 12:00:00')).toEqual({ numerator: 0, denominator: 0, pending: 3 });
    // Monday 09:30:01: S1 achieved, S2 breached at this instant, S3 breached (elapsed 3,601 s > 3,600 s).
    expect(await rate('sla_first_response', '2026-03-09 09:30:01')).toEqual({ numerator: 1, denominator: 3, pending: 0 });
  });
});

describe('a complaint look-back of one working day on cn-workdays', () => {
  it('reaches from Monday 10:00 back to Friday 10:00', async () => {
    await workingPolicy();
    await m.loadText('calls', 'calls.csv', lines(
      'call_id,started_at,queue,caller,customer_id,outcome,wait_s',
      'C1,2026-03-06 10:00:00,orders,13800000001,M1,unreachable,', // at the look-back start: in
      'C2,2026-03-06 09:59:59,orders,13800000002,M2,unreachable,', // a second before: out
    ));
    await m.loadText('complaints', 'k.csv', lines(
      'complaint_id,received_at,source,customer_id',
      'K1,2026-03-09 10:00:00,12315,M1',
      'K2,2026-03-09 10:00:00,12315,M2',
    ));
    await m.refresh();
    expect(await rate('silence_before_complaint', '2026-03-20 00:00:00')).toEqual({ numerator: 1, denominator: 2, pending: 0 });
    expect((await caseOf('silence_before_complaint', 'numerator', '2026-03-20 00:00:00', 'K1')).deadline).toBe(cst('2026-03-06 10:00:00'));
  });
});
