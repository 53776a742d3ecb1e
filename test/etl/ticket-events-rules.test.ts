// FORMATS.md section 2 and etl/README.md "Rules": every rule of the ticket-events
// source, each broken by exactly one row next to a valid `opened`.
import { describe, expect, it } from 'vitest';
import { csvFile, rawOf, type FixtureRow } from '../helpers/csv-fixture.ts';
import { useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = ['Ticket_ID', 'event_id', 'At', 'type', 'channel', 'actor', 'customer_id', 'priority', 'status', 'amount', 'Memo'];
const OPENED: FixtureRow = { Ticket_ID: 'T1', event_id: 'E1', At: '2026-03-08 09:00:00', type: 'opened', channel: 'chat', customer_id: 'M1', priority: 'high', Memo: 'first' };
/** Half an hour after the opening: breaks no rule. */
const REPLY: FixtureRow = { Ticket_ID: 'T1', event_id: 'E2', At: '2026-03-08 09:30:00', type: 'agent_reply', actor: 'A1', Memo: 'sorry' };

const TS = 'is not an ISO 8601 timestamp or epoch seconds';
const TYPES = 'opened, customer_message, agent_reply, bot_reply, internal_note, assigned, transferred, escalated, status, resolved, reopened, closed, refund_requested, refund_completed';
const CASES: [string, string, string, FixtureRow][] = [
  ['ticket_id empty', 'missing_required', 'ticket_id is required', { Ticket_ID: '' }],
  ['at empty', 'missing_required', 'at is required', { At: '' }],
  ['at not a date', 'invalid_timestamp', `at ${TS}`, { At: '2026-03-08 9h30' }],
  ['type empty', 'missing_required', 'type is required', { type: '' }],
  ['type unknown', 'unknown_type', `type must be one of ${TYPES}`, { type: 'called' }],
  ['priority not a level', 'invalid_priority', 'priority must be one of low, normal, high, urgent', { priority: 'p1' }],
  ['status not a status', 'invalid_status', 'status must be one of open, pending, on_hold', { type: 'status', status: 'waiting' }],
  ['amount with 3 decimals', 'invalid_amount', 'amount is not an amount with at most 2 decimal places', { type: 'refund_requested', amount: '12.345' }],
  ['opened without channel', 'opened_without_channel', 'channel is required on an opened event', { type: 'opened', actor: '', customer_id: 'M1' }],
  ['opened without customer', 'opened_without_customer', 'customer_id is required on an opened event', { type: 'opened', actor: '', channel: 'web' }],
  ['status event without status', 'status_without_status', 'status is required on a status event', { type: 'status' }],
  ['agent_reply without actor', 'reply_without_actor', 'agent_reply needs an actor', { actor: '' }],
];

describe('ticket events rules', () => {
  it.each(CASES)('rejects a row with %s as %s, keeping its raw text, and loads the valid row', async (_what, rule, message, change) => {
    const bad = { ...REPLY, ...change };
    t.writeFile('events.csv', csvFile(HEADER, [OPENED, bad]));
    const r = await t.load('ticket_events', 'events.csv');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 1, replaced: 0, rejected: 1, duplicate: 0, retracted: 0 });
    expect(await t.rejects()).toEqual([
      { run_id: r.runId, kind: 'ticket_events', source_line: 3, rule, rules: [rule], message, raw: rawOf(HEADER, bad), retracted_from_run: null },
    ]);
    expect(await t.query('SELECT event_key, source_line FROM ticket_events')).toEqual([{ event_key: 'E1', source_line: 2 }]);
  });

  it('stores a valid event typed, keyed by event_id, with at as event_at and unknown columns in extra', async () => {
    t.writeFile('events.csv', csvFile(HEADER, [OPENED, { ...REPLY, type: 'refund_completed', amount: ' 88.5 ', status: 'ON_HOLD' }]));
    const r = await t.load('ticket_events', 'events.csv');
    expect(r).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    expect(await t.query('SELECT * EXCLUDE (order_id, category, template_id) FROM ticket_events ORDER BY event_key')).toEqual([
      {
        event_key: 'E1', ticket_id: 'T1', event_id: 'E1', event_at: new Date('2026-03-08T01:00:00Z'), type: 'opened', channel: 'chat', actor: null,
        customer_id: 'M1', priority: 'high', status: null, amount: null, extra: '{"Memo":"first"}', run_id: r.runId, source_line: 2,
      },
      {
        event_key: 'E2', ticket_id: 'T1', event_id: 'E2', event_at: new Date('2026-03-08T01:30:00Z'), type: 'refund_completed', channel: null, actor: 'A1',
        customer_id: null, priority: null, status: 'on_hold', amount: 88.5, extra: '{"Memo":"sorry"}', run_id: r.runId, source_line: 3,
      },
    ]);
  });

  it('keys an event without event_id by ticket | epoch microseconds | type | actor', async () => {
    t.writeFile('events.csv', csvFile(HEADER, [{ ...OPENED, event_id: '' }, { ...REPLY, event_id: '' }]));
    await t.load('ticket_events', 'events.csv');
    expect(await t.query('SELECT event_key FROM ticket_events ORDER BY event_key')).toEqual([
      { event_key: 'T1|1772931600000000|opened|' },
      { event_key: 'T1|1772933400000000|agent_reply|A1' },
    ]);
  });

  it('lists every rule a row breaks, in rule order, and names the first one', async () => {
    const bad = { ...REPLY, type: 'opened', actor: '', priority: 'asap', amount: '1.234' };
    t.writeFile('events.csv', csvFile(HEADER, [OPENED, bad]));
    expect(await t.load('ticket_events', 'events.csv')).toMatchObject({ read: 2, loaded: 1, rejected: 1, duplicate: 0 });
    expect(await t.rejects()).toMatchObject([{
      source_line: 3,
      rule: 'invalid_priority',
      rules: ['invalid_priority', 'invalid_amount', 'opened_without_channel', 'opened_without_customer'],
      message: 'priority must be one of low, normal, high, urgent',
      raw: rawOf(HEADER, bad),
    }]);
  });

  describe('before_opened', () => {
    const EARLY: FixtureRow = { Ticket_ID: 'T1', event_id: 'E0', At: '2026-03-08 08:59:59', type: 'customer_message', Memo: 'hello?' };

    it('rejects an event earlier than its ticket\'s opened in the same file, even on a later line', async () => {
      t.writeFile('events.csv', csvFile(HEADER, [OPENED, REPLY, EARLY]));
      const r = await t.load('ticket_events', 'events.csv');
      expect(r).toMatchObject({ status: 'loaded', read: 3, loaded: 2, replaced: 0, rejected: 1, duplicate: 0, retracted: 0 });
      expect(await t.rejects()).toMatchObject([{
        run_id: r.runId, kind: 'ticket_events', source_line: 4, rule: 'before_opened', rules: ['before_opened'],
        message: "the event is earlier than its ticket's opened event", retracted_from_run: null,
      }]);
      expect(await t.query('SELECT event_key FROM ticket_events ORDER BY event_key')).toEqual([{ event_key: 'E1' }, { event_key: 'E2' }]);
    });

    // FORMATS.md "Common rules": a rejected row goes to the rejects table "with the rule
    // it broke and its raw text"; README step 4: "the raw row as JSON with the file's
    // own column names". A row of the current file has its raw text at hand.
    it('keeps the raw text of a before_opened row under the file\'s own column names', async () => {
      t.writeFile('events.csv', csvFile(HEADER, [OPENED, EARLY]));
      await t.load('ticket_events', 'events.csv');
      const [reject] = await t.rejects();
      expect(reject?.raw).toEqual(rawOf(HEADER, EARLY));
    });
  });
});
