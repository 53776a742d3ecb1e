// Derived ticket facts (etl/facts/ticket-facts.ts) from hand-made event histories;
// every instant below is Asia/Shanghai local in the files and UTC in the asserts.
import { describe, expect, it } from 'vitest';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();
const D = '2026-03-02T';
const ev = (id: string, at: string, type: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ticket_id: 'T1', event_id: id, at: `${D}${at}+08:00`, type, ...extra });
const utc = (hms: string) => new Date(`2026-03-02T${hms}Z`);

const T1 = lines(
  ev('e01', '10:00:00', 'opened', { channel: 'chat', customer_id: 'M1', order_id: 'O1', category: 'operation' }),
  ev('e02', '10:00:05', 'bot_reply', { actor: 'bot' }),
  ev('e03', '10:10:00', 'status', { status: 'pending' }),
  ev('e04', '10:20:00', 'customer_message'),
  ev('e05', '10:30:00', 'agent_reply', { actor: 'A1', template_id: 'TPL_FORWARDED_TECH' }),
  ev('e06', '10:40:00', 'transferred', { actor: 'A1' }),
  ev('e07', '11:00:00', 'agent_reply', { actor: 'A2' }),
  ev('e08', '11:10:00', 'status', { status: 'pending' }),
  ev('e09', '11:15:00', 'status', { status: 'pending' }),
  ev('e10', '11:30:00', 'status', { status: 'open' }),
  ev('e11', '12:00:00', 'resolved', { actor: 'A2' }),
  ev('e12', '13:00:00', 'reopened'),
  ev('e13', '13:05:00', 'customer_message'),
  ev('e14', '14:00:00', 'resolved', { actor: 'A2', category: 'product' }),
  ev('e15', '14:10:00', 'refund_requested', { amount: '30.00' }),
  ev('e16', '14:20:00', 'refund_requested', { amount: '10.00' }),
  ev('e17', '15:00:00', 'refund_completed'),
  ev('e18', '16:00:00', 'refund_completed'),
  ev('e19', '17:00:00', 'refund_completed'),
);

describe('ticket facts', () => {
  it('derives first reply, resolution, transfer, reopen, pauses and attributes from the events', async () => {
    t.writeFile('t1.jsonl', T1);
    expect(await t.load('ticket_events', 't1.jsonl')).toMatchObject({ loaded: 19, rejected: 0 });
    expect(await refreshFacts(t.wh)).toMatchObject({ tickets: 1, customers: 1 });
    const [row] = await t.query('SELECT * FROM fact_tickets');
    expect(row).toEqual({
      ticket_id: 'T1', opened_at: utc('02:00:00'), channel: 'chat', customer_id: 'M1', order_id: 'O1',
      category: 'product', // the latest non-empty value
      priority: 'normal', // the default
      agent: 'A1', // the actor of the first agent_reply
      first_reply_at: utc('02:30:00'), // the bot reply at 10:00:05 is not a human response
      first_untemplated_reply_at: utc('03:00:00'),
      first_resolved_at: utc('04:00:00'),
      first_transfer_at: utc('02:40:00'),
      first_reopen_after_resolve_at: utc('05:00:00'),
      closed_at: null, reopen_count: 1, transfer_count: 1,
      // 10:10 pending until the message at 10:20; 11:10 and 11:15 pending until open at 11:30
      pauses: [{ s: utc('02:10:00'), e: utc('02:20:00') }, { s: utc('03:10:00'), e: utc('03:30:00') }],
      attrs_changed_at: utc('06:00:00'), // the re-categorisation at 14:00
    });
    // The attributes over time (FORMATS.md: as of the instant of evaluation): opened without
    // an agent, the first agent_reply names A1, the resolution at 14:00 re-categorises.
    expect(await t.query('SELECT valid_from, channel, order_id, category, priority, agent FROM fact_ticket_attrs ORDER BY valid_from')).toEqual([
      { valid_from: utc('02:00:00'), channel: 'chat', order_id: 'O1', category: 'operation', priority: 'normal', agent: null },
      { valid_from: utc('02:30:00'), channel: 'chat', order_id: 'O1', category: 'operation', priority: 'normal', agent: 'A1' },
      { valid_from: utc('06:00:00'), channel: 'chat', order_id: 'O1', category: 'product', priority: 'normal', agent: 'A1' },
    ]);
  });

  it('pairs follow-up messages with the next reply and refunds first in, first out', async () => {
    t.writeFile('t1.jsonl', T1);
    await t.load('ticket_events', 't1.jsonl');
    await refreshFacts(t.wh);
    expect(await t.query('SELECT message_at, next_reply_at FROM fact_followups ORDER BY message_at')).toEqual([
      { message_at: utc('02:20:00'), next_reply_at: utc('02:30:00') },
      { message_at: utc('05:05:00'), next_reply_at: null },
    ]);
    // The third completion finds no open request and closes nothing.
    expect(await t.query('SELECT seq, requested_at, completed_at, amount FROM fact_refunds ORDER BY seq')).toEqual([
      { seq: 1, requested_at: utc('06:10:00'), completed_at: utc('07:00:00'), amount: 30 },
      { seq: 2, requested_at: utc('06:20:00'), completed_at: utc('08:00:00'), amount: 10 },
    ]);
  });

  it('updates yesterday\'s ticket when its reply arrives in today\'s file, and keeps an open pause open', async () => {
    const t2 = (id: string, at: string, type: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ ticket_id: 'T2', event_id: id, at: `${D}${at}+08:00`, type, ...extra });
    t.writeFile('day1.jsonl', lines(
      t2('a1', '23:00:00', 'opened', { channel: 'web', customer_id: 'M2' }),
      t2('a2', '23:10:00', 'status', { status: 'pending' }),
      // A later event re-prioritises the ticket (FORMATS.md: latest non-empty value).
      t2('a3', '23:20:00', 'internal_note', { actor: 'A9', priority: 'urgent' }),
    ));
    expect(await t.load('ticket_events', 'day1.jsonl')).toMatchObject({ loaded: 3, rejected: 0 });
    await refreshFacts(t.wh);
    expect(await t.query('SELECT priority, first_reply_at, pauses FROM fact_tickets')).toEqual([
      { priority: 'urgent', first_reply_at: null, pauses: [{ s: utc('15:10:00'), e: null }] },
    ]);
    t.writeFile('day2.jsonl', lines(
      JSON.stringify({ ticket_id: 'T2', event_id: 'b1', at: '2026-03-03T08:30:00+08:00', type: 'agent_reply', actor: 'A3' }),
    ));
    await t.load('ticket_events', 'day2.jsonl');
    expect(await refreshFacts(t.wh)).toMatchObject({ tickets: 1, customers: 1 });
    expect(await t.query('SELECT first_reply_at, agent, attrs_changed_at FROM fact_tickets')).toEqual([
      { first_reply_at: new Date('2026-03-03T00:30:00Z'), agent: 'A3', attrs_changed_at: new Date('2026-03-03T00:30:00Z') },
    ]);
    // Snapshots: opened (normal), re-prioritised at 23:20 (urgent), the reply names the agent.
    expect(await t.query(`SELECT valid_from, priority, agent FROM fact_ticket_attrs WHERE ticket_id = 'T2' ORDER BY valid_from`)).toEqual([
      { valid_from: utc('15:00:00'), priority: 'normal', agent: null },
      { valid_from: utc('15:20:00'), priority: 'urgent', agent: null },
      { valid_from: new Date('2026-03-03T00:30:00Z'), priority: 'urgent', agent: 'A3' },
    ]);
    expect(await t.query(`SELECT first_response_at FROM fact_contacts WHERE contact_id = 'T2'`)).toEqual([
      { first_response_at: new Date('2026-03-03T00:30:00Z') },
    ]);
  });

  it('keeps a ticket without an opened event out of the facts until its opened arrives', async () => {
    t.writeFile('reply.jsonl', lines(ev('r1', '10:30:00', 'agent_reply', { actor: 'A1' })));
    await t.load('ticket_events', 'reply.jsonl');
    await refreshFacts(t.wh);
    expect(await t.query('SELECT count(*) AS n FROM fact_tickets')).toEqual([{ n: 0 }]);
    t.writeFile('opened.jsonl', lines(ev('o1', '10:00:00', 'opened', { channel: 'email', customer_id: 'M1' })));
    await t.load('ticket_events', 'opened.jsonl');
    await refreshFacts(t.wh);
    expect(await t.query('SELECT channel, first_reply_at FROM fact_tickets')).toEqual([{ channel: 'email', first_reply_at: utc('02:30:00') }]);
    // The reply names the agent after opening: a change, so two snapshots.
    expect(await t.query('SELECT valid_from, agent FROM fact_ticket_attrs ORDER BY valid_from')).toEqual([
      { valid_from: utc('02:00:00'), agent: null }, { valid_from: utc('02:30:00'), agent: 'A1' },
    ]);
  });
});
