// etl/README.md "How a file is loaded" step 4: rejects, upsert and counts happen in
// one transaction; any error rolls everything back, and only the run log keeps the
// attempt (status failed). The `failAfter` hook throws inside that transaction.
import { describe, expect, it } from 'vitest';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const STEPS = ['rejects', 'upsert'] as const;

describe('a load that fails inside its transaction', () => {
  const HEADER = 'call_id,started_at,queue,outcome,wait_s,agent_id,callback_requested_at,callback_at';
  const FIRST = lines(
    HEADER,
    'c1,2026-03-08 14:00:00,orders,callback,40,,2026-03-08 14:01:00,',
    'c2,2026-03-08 14:02:00,orders,answered,5,A1,,',
    'c8,2026-03-08 14:03:00,orders,answered,5,,,',
  );
  const SECOND = lines(
    HEADER,
    'c1,2026-03-08 14:00:00,orders,callback,40,,2026-03-08 14:01:00,2026-03-08 15:00:00',
    'c3,2026-03-08 16:00:00,recharge,abandoned,12,,,',
    'c9,2026-03-08 16:30:00,recharge,answered,,A2,,',
  );

  it.each(STEPS)('leaves every table as it was when it fails after the %s step', async (step) => {
    t.writeFile('calls-1.csv', FIRST);
    t.writeFile('calls-2.csv', SECOND);
    expect(await t.load('calls', 'calls-1.csv')).toMatchObject({ status: 'loaded', read: 3, loaded: 2, rejected: 1 });
    const before = await t.snapshot();
    expect(before.calls).toHaveLength(2);
    expect(before.etl_rejects).toHaveLength(1);

    const failed = await t.load('calls', 'calls-2.csv', { failAfter: step });
    expect(failed).toMatchObject({ status: 'failed', read: 0, loaded: 0, replaced: 0, rejected: 0, duplicate: 0, retracted: 0 });
    expect(failed.error).toEqual({ message: `injected failure after ${step}` });
    expect(await t.snapshot()).toEqual(before);
    expect(await t.run(failed.runId)).toMatchObject({ status: 'failed', error: `injected failure after ${step}`, rows_read: 0, rows_loaded: 0 });
  });

  it.each(STEPS)('succeeds on a retry without the hook after failing at %s', async (step) => {
    t.writeFile('calls-1.csv', FIRST);
    t.writeFile('calls-2.csv', SECOND);
    await t.load('calls', 'calls-1.csv');
    await t.load('calls', 'calls-2.csv', { failAfter: step });
    // A failed run does not make the same bytes "unchanged".
    const retry = await t.load('calls', 'calls-2.csv');
    expect(retry).toMatchObject({ status: 'loaded', read: 3, loaded: 2, replaced: 1, rejected: 1, duplicate: 0 });
    expect(await t.query('SELECT call_id, callback_at, run_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'c1', callback_at: new Date('2026-03-08T07:00:00Z'), run_id: retry.runId },
      { call_id: 'c2', callback_at: null, run_id: 1 },
      { call_id: 'c3', callback_at: null, run_id: retry.runId },
    ]);
    expect((await t.rejects()).map((r) => [r.run_id, r.source_line, r.rule])).toEqual([
      [1, 4, 'answered_without_agent'],
      [retry.runId, 4, 'missing_wait_s'],
    ]);
  });
});

describe('a ticket-event load that fails after retracting', () => {
  const HEADER = 'ticket_id,at,type,channel,actor,customer_id';

  it.each(STEPS)('keeps the retracted event stored when it fails after the %s step, and retracts it on retry', async (step) => {
    t.writeFile('events-1.csv', lines(HEADER, 'T2,2026-03-08 10:10:00,customer_message,,,'));
    t.writeFile('events-2.csv', lines(HEADER, 'T2,2026-03-08 10:20:00,opened,web,,M2', 'T2,2026-03-08 10:21:00,agent_reply,,,'));
    await t.load('ticket_events', 'events-1.csv');
    const before = await t.snapshot();

    const failed = await t.load('ticket_events', 'events-2.csv', { failAfter: step });
    expect(failed).toMatchObject({ status: 'failed', retracted: 0, error: { message: `injected failure after ${step}` } });
    expect(await t.snapshot()).toEqual(before);

    const retry = await t.load('ticket_events', 'events-2.csv');
    expect(retry).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1, retracted: 1 });
    expect((await t.rejects()).map((r) => [r.run_id, r.source_line, r.rule, r.retracted_from_run])).toEqual([
      [retry.runId, 2, 'before_opened', 1],
      [retry.runId, 3, 'reply_without_actor', null],
    ]);
    expect(await t.query('SELECT ticket_id, type FROM ticket_events')).toEqual([{ ticket_id: 'T2', type: 'opened' }]);
  });
});
