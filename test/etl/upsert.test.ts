// FORMATS.md "Common rules" and etl/README.md "Counting": loading the same file twice
// changes nothing; a newer version of a record replaces the older one.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = 'call_id,started_at,queue,outcome,wait_s,agent_id,callback_requested_at,callback_at';
const C1 = 'c1,2026-03-08 14:00:00,orders,callback,40,,2026-03-08 14:01:00,';
const C1_CALLED_BACK = 'c1,2026-03-08 14:00:00,orders,callback,40,,2026-03-08 14:01:00,2026-03-08 15:00:00';
const C2 = 'c2,2026-03-08 14:02:00,orders,answered,5,A1,,';
const C3 = 'c3,2026-03-08 16:00:00,recharge,abandoned,12,,,';
const BAD = 'c9,2026-03-08 16:30:00,recharge,answered,12,,,';

describe('reloading the same content', () => {
  it('marks a second load of the same file unchanged, counting every row it read as a duplicate', async () => {
    t.writeFile('calls.csv', lines(HEADER, C1, C2, BAD));
    const first = await t.load('calls', 'calls.csv');
    expect(first).toMatchObject({ status: 'loaded', read: 3, loaded: 2, rejected: 1 });
    const before = await t.snapshot();
    const again = await t.load('calls', 'calls.csv');
    expect(again).toMatchObject({ status: 'unchanged', sameAsRun: first.runId, read: 3, loaded: 0, replaced: 0, rejected: 0, duplicate: 3, retracted: 0 });
    expect(again.runId).toBe(first.runId + 1);
    expect(await t.snapshot()).toEqual(before);
    expect(await t.run(again.runId)).toMatchObject({ status: 'unchanged', same_as_run: first.runId, rows_read: 3, rows_duplicate: 3, rows_loaded: 0 });
  });

  it('marks a renamed copy with the same bytes unchanged, naming the run that loaded them', async () => {
    t.writeFile('calls.csv', lines(HEADER, C1, C2));
    const first = await t.load('calls', 'calls.csv');
    fs.copyFileSync(t.path('calls.csv'), t.path('calls-copy-0309.csv'));
    const before = await t.snapshot();
    expect(await t.load('calls', 'calls-copy-0309.csv')).toMatchObject({ status: 'unchanged', sameAsRun: first.runId, read: 2, duplicate: 2 });
    expect(await t.snapshot()).toEqual(before);
  });

  it('reloads the same file with force, every row a duplicate and nothing changed', async () => {
    t.writeFile('calls.csv', lines(HEADER, C1, C2));
    await t.load('calls', 'calls.csv');
    const before = await t.snapshot();
    const forced = await t.load('calls', 'calls.csv', { force: true });
    expect(forced).toMatchObject({ status: 'loaded', read: 2, loaded: 0, replaced: 0, rejected: 0, duplicate: 2, retracted: 0 });
    expect(forced.sameAsRun).toBeUndefined();
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('new versions', () => {
  it('replaces a changed record, skips an identical one and adds a new one', async () => {
    t.writeFile('calls-0308.csv', lines(HEADER, C1, C2));
    t.writeFile('calls-0309.csv', lines(HEADER, C2, C3, C1_CALLED_BACK));
    const first = await t.load('calls', 'calls-0308.csv');
    const second = await t.load('calls', 'calls-0309.csv');
    expect(second).toMatchObject({ status: 'loaded', read: 3, loaded: 2, replaced: 1, rejected: 0, duplicate: 1, retracted: 0 });
    expect(await t.query('SELECT call_id, callback_at, run_id, source_line FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'c1', callback_at: new Date('2026-03-08T07:00:00Z'), run_id: second.runId, source_line: 4 },
      { call_id: 'c2', callback_at: null, run_id: first.runId, source_line: 3 },
      { call_id: 'c3', callback_at: null, run_id: second.runId, source_line: 3 },
    ]);
    expect(await t.run(second.runId)).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_replaced: 1, rows_duplicate: 1, rows_rejected: 0 });
  });

  it('keeps the later line when one file holds two versions of a key', async () => {
    t.writeFile('calls.csv', lines(HEADER, C1_CALLED_BACK.replace('15:00:00', '14:30:00'), C2, C1_CALLED_BACK));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ read: 3, loaded: 3, replaced: 1, rejected: 0, duplicate: 0 });
    expect(await t.query(`SELECT callback_at, source_line FROM calls WHERE call_id = 'c1'`)).toEqual([
      { callback_at: new Date('2026-03-08T07:00:00Z'), source_line: 4 },
    ]);
    expect(await t.query('SELECT count(*) AS n FROM calls')).toEqual([{ n: 2 }]);
  });

  it('counts an exact duplicate line of the same file as a duplicate and stores the key once', async () => {
    t.writeFile('calls.csv', lines(HEADER, C1, C2, C1));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ read: 3, loaded: 2, replaced: 0, rejected: 0, duplicate: 1 });
    expect(await t.query('SELECT call_id FROM calls ORDER BY call_id')).toEqual([{ call_id: 'c1' }, { call_id: 'c2' }]);
    // The stored row keeps the provenance of the first occurrence, not of its repeat.
    expect(await t.query(`SELECT source_line FROM calls WHERE call_id = 'c1'`)).toEqual([{ source_line: 2 }]);
  });

  it('treats a value that differs only by case or spaces where they are normalised as the same record', async () => {
    t.writeFile('a.csv', lines(HEADER, C2));
    t.writeFile('b.csv', lines(HEADER, 'c2, 2026-03-08T06:02:00Z ,orders,ANSWERED,5.0, A1 ,,'));
    await t.load('calls', 'a.csv');
    expect(await t.load('calls', 'b.csv')).toMatchObject({ read: 1, loaded: 0, duplicate: 1 });
  });

  it('keeps a complaint at its latest state', async () => {
    const H = 'complaint_id,received_at,source,first_response_at,closed_at,outcome';
    t.writeFile('a.csv', lines(H, 'K1,2026-03-08 10:00:00,12315,,,', 'K2,2026-03-08 11:00:00,blackcat,,,'));
    t.writeFile('b.csv', lines(H, 'K1,2026-03-08 10:00:00,12315,2026-03-08 12:00:00,2026-03-09 10:00:00,refunded'));
    await t.load('complaints', 'a.csv');
    const r = await t.load('complaints', 'b.csv');
    expect(r).toMatchObject({ read: 1, loaded: 1, replaced: 1, duplicate: 0 });
    expect(await t.query('SELECT complaint_id, closed_at, outcome, run_id FROM complaints ORDER BY complaint_id')).toEqual([
      { complaint_id: 'K1', closed_at: new Date('2026-03-09T02:00:00Z'), outcome: 'refunded', run_id: r.runId },
      { complaint_id: 'K2', closed_at: null, outcome: null, run_id: r.runId - 1 },
    ]);
  });

  it('replaces a ticket event that has an event_id when its values change', async () => {
    const H = 'ticket_id,event_id,at,type,channel,customer_id,category';
    t.writeFile('a.csv', lines(H, 'T1,E1,2026-03-08 09:00:00,opened,chat,M1,product'));
    t.writeFile('b.csv', lines(H, 'T1,E1,2026-03-08 09:00:00,opened,chat,M1,security'));
    await t.load('ticket_events', 'a.csv');
    expect(await t.load('ticket_events', 'b.csv')).toMatchObject({ read: 1, loaded: 1, replaced: 1 });
    expect(await t.query('SELECT event_key, category FROM ticket_events')).toEqual([{ event_key: 'E1', category: 'security' }]);
  });
});
