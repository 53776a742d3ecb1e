// GET /api/cases/{kind}/{id}: one contact with its customer's timeline across
// channels, nothing after as_of, masked for a viewer; unmasking is for compliance
// and admin and leaves a row in the audit log first.
import { describe, expect, it } from 'vitest';
import { lines } from '../helpers/temp-warehouse.ts';
import { COMPLIANCE, qs, useMetricsApp, VIEWER } from '../helpers/metrics-app.ts';

const m = useMetricsApp();
const cst = (local: string) => new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
const ev = (ticket: string, at: string, type: string, extra: Record<string, string> = {}) =>
  JSON.stringify({ ticket_id: ticket, event_id: `${ticket}-${type}-${at}`, at: cst(at), type, ...extra });

async function load(): Promise<void> {
  await m.loadText('calls', 'calls.csv', lines(
    'call_id,started_at,queue,caller,customer_id,order_id,outcome,wait_s,talk_s,agent_id',
    'C1,2026-03-02 09:00:00,orders,13812341234,M1,O1,unreachable,,,',
    'C2,2026-03-02 09:30:00,orders,13812341234,M1,O1,abandoned,40,,',
    'C3,2026-01-01 09:00:00,orders,13812341234,M1,,busy,,,', // 60 days before C1: outside around=30
    'C9,2026-03-02 09:10:00,orders,13900000000,M9,,busy,,,', // another customer
  ));
  await m.loadText('ticket_events', 't.jsonl', lines(
    ev('T1', '2026-03-02 10:00:00', 'opened', { channel: 'chat', customer_id: 'M1', order_id: 'O1' }),
    ev('T1', '2026-03-02 10:01:00', 'bot_reply', { actor: 'bot' }),
    ev('T1', '2026-03-03 09:00:00', 'agent_reply', { actor: 'A7', template_id: 'TPL_FORWARDED_TECH' }),
  ));
  await m.loadText('complaints', 'k.csv', lines(
    'complaint_id,received_at,source,customer_id,order_id,amount,first_response_at',
    'K1,2026-03-05 12:00:00,12315,M1,O1,98.00,2026-03-06 09:00:00',
  ));
  await m.refresh();
}

const path = (asOf: string, extra: Record<string, string> = {}) => `/api/cases/call/C1?${qs({ as_of: cst(asOf), ...extra })}`;

describe('GET /api/cases/{kind}/{id}', () => {
  it("shows the contact and its customer's calls, ticket events and complaints in order, up to as_of", async () => {
    await load();
    const body = await m.get(path('2026-03-05 18:00:00'), { auth: VIEWER });
    expect(body.contact).toMatchObject({ kind: 'call', id: 'C1', outcome: 'unreachable', first_response_at: cst('2026-03-03 09:00:00') });
    expect(body.timeline.map((t: { source: string; id: string; type: string; at: string }) => [t.at, t.source, t.id, t.type])).toEqual([
      [cst('2026-03-02 09:00:00'), 'call', 'C1', 'unreachable'],
      [cst('2026-03-02 09:30:00'), 'call', 'C2', 'abandoned'],
      [cst('2026-03-02 10:00:00'), 'ticket_event', 'T1', 'opened'],
      [cst('2026-03-02 10:01:00'), 'ticket_event', 'T1', 'bot_reply'],
      [cst('2026-03-03 09:00:00'), 'ticket_event', 'T1', 'agent_reply'],
      [cst('2026-03-05 12:00:00'), 'complaint', 'K1', 'received'],
      // K1's response (03-06 09:00) is after as_of: not shown
    ]);
    expect(body.timeline[4]).toMatchObject({ actor: 'A7', channel: 'chat', detail: { template_id: 'TPL_FORWARDED_TECH' } });
    expect(body.truncated).toBe(false);
  });

  it('masks personal data for a viewer and refuses to unmask for one', async () => {
    await load();
    const body = await m.get(path('2026-03-10 00:00:00'), { auth: VIEWER });
    expect(body.masked).toBe(true);
    expect(body.customer_key).toBe('****'); // a member id this short keeps nothing
    expect(body.timeline[0].detail.caller).toBe('138****1234');
    expect(JSON.stringify(body)).not.toContain('13812341234');
    await m.get(path('2026-03-10 00:00:00', { unmask: 'true' }), { auth: VIEWER, status: 403 });
    expect(await m.t.query('SELECT count(*) AS n FROM audit_log')).toEqual([{ n: 0 }]);
  });

  it('shows compliance the real data on unmask=true and audits it', async () => {
    await load();
    const body = await m.get(path('2026-03-10 00:00:00', { unmask: 'true' }), { auth: COMPLIANCE });
    expect(body.masked).toBe(false);
    expect(body.timeline[0].detail.caller).toBe('13812341234');
    const cases = await m.get(`/api/cases?${qs({ metric: 'silence_rate', part: 'denominator', from: '2026-03-02', to: '2026-03-03', as_of: cst('2026-03-10 00:00:00'), unmask: 'true' })}`, { auth: COMPLIANCE });
    expect(cases.cases.map((c: { id: string }) => c.id)).toEqual(['T1', 'C2', 'C9', 'C1']);
    expect(cases.cases.find((c: { id: string }) => c.id === 'C9').customer_key).toBe('M9');
    expect(await m.t.query('SELECT subject, role, action, target FROM audit_log ORDER BY audit_id')).toEqual([
      { subject: 'test-compliance', role: 'compliance', action: 'case.unmasked', target: 'call:C1' },
      { subject: 'test-compliance', role: 'compliance', action: 'cases.unmasked', target: expect.stringMatching(/^\/api\/cases\?metric=silence_rate/) },
    ]);
  });

  it('answers 404 for an unknown contact or one that starts after as_of, 400 for a bad kind or around', async () => {
    await load();
    await m.get('/api/cases/call/NOPE', { status: 404 });
    await m.get(path('2026-03-01 00:00:00'), { status: 404 });
    expect((await m.get('/api/cases/fax/C1', { status: 400 })).error.parameter).toBe('kind');
    expect((await m.get('/api/cases/call/C1?around=400', { status: 400 })).error.parameter).toBe('around');
  });
});
