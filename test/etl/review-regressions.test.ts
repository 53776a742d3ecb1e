// Cases a review found (each failed before its fix): glob characters in file
// names, an amount too large for DECIMAL, a stray quote inside an unquoted field,
// a non-object JSON line after blank lines, a JSON key ending in a backslash, an
// opened event moved later, and an absurd call duration in the facts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();
const CALLS = 'call_id,started_at,queue,outcome,wait_s,talk_s,agent_id,customer_id';

describe('review regressions', () => {
  it('reads exactly the named file when its name has glob characters', async () => {
    t.writeFile('calls[1].csv', lines(CALLS, 'A1,2026-03-08 10:00:00,q,busy,,,,M1'));
    t.writeFile('calls1.csv', lines(CALLS, 'B1,2026-03-08 10:00:00,q,busy,,,,M1'));
    expect(await t.load('calls', 'calls[1].csv')).toMatchObject({ status: 'loaded', read: 1, loaded: 1 });
    expect(await t.query('SELECT call_id FROM calls')).toEqual([{ call_id: 'A1' }]);
  });

  it('rejects an amount too large for the column instead of refusing the file', async () => {
    t.writeFile('k.csv', lines('complaint_id,received_at,source,amount', 'K1,2026-03-08 10:00:00,12315,10.00', 'K2,2026-03-08 10:00:00,12315,12345678901234567'));
    expect(await t.load('complaints', 'k.csv')).toMatchObject({ status: 'loaded', loaded: 1, rejected: 1 });
    expect(await t.rejects()).toMatchObject([{ source_line: 3, rule: 'invalid_amount' }]);
  });

  it('numbers lines right after a quote inside an unquoted value', async () => {
    t.writeFile('calls.csv', lines(CALLS, 'Q1,2026-03-08 10:00:00,5" screen,busy,,,,M1', 'Q2,2026-03-08 10:00:00,q,busy,,,,M1', '', 'Q3,2026-03-08 10:00:00,q,busy,,,,M1'));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ status: 'loaded', loaded: 3 });
    expect(await t.query('SELECT call_id, source_line FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'Q1', source_line: 2 }, { call_id: 'Q2', source_line: 3 }, { call_id: 'Q3', source_line: 5 },
    ]);
  });

  it('names the line of a JSON Lines record that is not an object, past blank lines', async () => {
    t.writeFile('calls.jsonl', '{"call_id":"j1","started_at":"2026-03-08 10:00:00","queue":"q","outcome":"busy"}\n\n\n[1]\n');
    expect(await t.load('calls', 'calls.jsonl')).toMatchObject({ status: 'refused', error: { message: 'line 4 is not a JSON object', line: 4 } });
  });

  it('reads a JSON key that ends in a backslash as an unknown column', async () => {
    t.writeFile('calls.jsonl', lines(JSON.stringify({ call_id: 'j1', started_at: '2026-03-08 10:00:00', queue: 'q', outcome: 'busy', 'note\\': 'x' })));
    expect(await t.load('calls', 'calls.jsonl')).toMatchObject({ status: 'loaded', loaded: 1 });
    expect(await t.query('SELECT extra FROM calls')).toEqual([{ extra: '{"note\\\\":"x"}' }]);
  });

  it('retracts stored events that a new version of the opened event now precedes', async () => {
    const ev = (id: string, at: string, type: string, extra = {}) => JSON.stringify({ ticket_id: 'T1', event_id: id, at: `2026-03-08T${at}+08:00`, type, ...extra });
    t.writeFile('a.jsonl', lines(ev('o1', '10:00:00', 'opened', { channel: 'chat', customer_id: 'M1' }), ev('r1', '10:30:00', 'agent_reply', { actor: 'A1' })));
    await t.load('ticket_events', 'a.jsonl');
    t.writeFile('b.jsonl', lines(ev('o1', '11:00:00', 'opened', { channel: 'chat', customer_id: 'M1' })));
    expect(await t.load('ticket_events', 'b.jsonl')).toMatchObject({ loaded: 1, replaced: 1, retracted: 1 });
    expect(await t.query('SELECT event_id FROM ticket_events')).toEqual([{ event_id: 'o1' }]);
  });

  it('keeps refreshing facts when a call has an absurd duration', async () => {
    t.writeFile('calls.csv', lines(CALLS, 'W1,2026-03-08 10:00:00,q,answered,10000000000000,5,A1,M1', 'W2,2026-03-08 11:00:00,q,busy,,,,M1'));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ loaded: 2 });
    expect(await refreshFacts(t.wh)).toMatchObject({ customers: 1 });
    expect(await t.query(`SELECT contact_id, resolved_at FROM fact_contacts ORDER BY contact_id`)).toEqual([
      { contact_id: 'W1', resolved_at: null }, { contact_id: 'W2', resolved_at: null },
    ]);
    expect(fs.existsSync(t.dir)).toBe(true);
  });
});
