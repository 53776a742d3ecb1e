// FORMATS.md section 3 and etl/README.md "Rules": every rule of the complaints
// source, each broken by exactly one row next to a valid one.
import { describe, expect, it } from 'vitest';
import { csvFile, rawOf, type FixtureRow } from '../helpers/csv-fixture.ts';
import { useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = ['Complaint_ID', 'received_at', 'Source', 'external_ref', 'amount', 'deadline_at', 'first_response_at', 'closed_at', 'outcome', 'Note'];
const VALID: FixtureRow = {
  Complaint_ID: 'K1', received_at: '2026-03-08 10:00:00', Source: '12315', external_ref: 'SH-001', amount: '199.90',
  deadline_at: '2026-03-15 10:00:00', first_response_at: '2026-03-08 12:00:00', closed_at: '2026-03-10 10:00:00', outcome: 'refunded', Note: '退款慢',
};

const TS = 'is not an ISO 8601 timestamp or epoch seconds';
const SOURCES = '12315, consumer_association, 12321, blackcat, payment_dispute, cyberspace, court, media, other';
const CASES: [string, string, string, FixtureRow][] = [
  ['complaint_id empty', 'missing_required', 'complaint_id is required', { Complaint_ID: '' }],
  ['received_at empty', 'missing_required', 'received_at is required', { received_at: '' }],
  ['received_at not a date', 'invalid_timestamp', `received_at ${TS}`, { received_at: 'last week' }],
  ['source empty', 'missing_required', 'source is required', { Source: '' }],
  ['source unknown', 'unknown_source', `source must be one of ${SOURCES}`, { Source: 'weibo' }],
  ['amount with 3 decimals', 'invalid_amount', 'amount is not an amount with at most 2 decimal places', { amount: '199.999' }],
  ['deadline_at not a date', 'invalid_timestamp', `deadline_at ${TS}`, { deadline_at: 'next friday' }],
  ['first_response_at not a date', 'invalid_timestamp', `first_response_at ${TS}`, { first_response_at: '2026-03-08 12:60:00' }],
  ['closed_at not a date', 'invalid_timestamp', `closed_at ${TS}`, { closed_at: 'done' }],
  ['outcome unknown', 'invalid_outcome', 'outcome must be one of refunded, compensated, explained, rejected, withdrawn, mediated', { outcome: 'refund' }],
  ['closed_at without outcome', 'closed_without_outcome', 'closed_at needs an outcome', { outcome: '' }],
  ['first response before receipt', 'response_before_received', 'first_response_at is before received_at', { first_response_at: '2026-03-08 09:59:59' }],
  ['closed before receipt', 'closed_before_received', 'closed_at is before received_at', { closed_at: '2026-03-08 09:00:00' }],
];

describe('complaints rules', () => {
  it.each(CASES)('rejects a row with %s as %s, keeping its raw text, and loads the valid row', async (_what, rule, message, change) => {
    const bad = { ...VALID, Complaint_ID: 'K2', ...change };
    t.writeFile('complaints.csv', csvFile(HEADER, [VALID, bad]));
    const r = await t.load('complaints', 'complaints.csv');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 1, replaced: 0, rejected: 1, duplicate: 0, retracted: 0 });
    expect(await t.rejects()).toEqual([
      { run_id: r.runId, kind: 'complaints', source_line: 3, rule, rules: [rule], message, raw: rawOf(HEADER, bad), retracted_from_run: null },
    ]);
    expect(await t.query('SELECT complaint_id, source_line FROM complaints')).toEqual([{ complaint_id: 'K1', source_line: 2 }]);
  });

  it('stores the valid row typed, the amount as a decimal and the unknown column in extra', async () => {
    t.writeFile('complaints.csv', csvFile(HEADER, [VALID, { Complaint_ID: 'K2', received_at: '2026-03-09T08:00:00+08:00', Source: ' BlackCat ' }]));
    const r = await t.load('complaints', 'complaints.csv');
    expect(r).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    expect(await t.query('SELECT * EXCLUDE (customer_id, order_id, ticket_id, category) FROM complaints ORDER BY complaint_id')).toEqual([
      {
        complaint_id: 'K1', received_at: new Date('2026-03-08T02:00:00Z'), source: '12315', external_ref: 'SH-001', amount: 199.9,
        deadline_at: new Date('2026-03-15T02:00:00Z'), first_response_at: new Date('2026-03-08T04:00:00Z'), closed_at: new Date('2026-03-10T02:00:00Z'),
        outcome: 'refunded', extra: '{"Note":"退款慢"}', run_id: r.runId, source_line: 2,
      },
      {
        complaint_id: 'K2', received_at: new Date('2026-03-09T00:00:00Z'), source: 'blackcat', external_ref: null, amount: null,
        deadline_at: null, first_response_at: null, closed_at: null, outcome: null, extra: null, run_id: r.runId, source_line: 3,
      },
    ]);
  });

  it('lists every rule a row breaks, in rule order, and names the first one', async () => {
    const bad = { ...VALID, Complaint_ID: 'K2', first_response_at: '2026-03-08 09:00:00', closed_at: '2026-03-07 10:00:00', outcome: '' };
    t.writeFile('complaints.csv', csvFile(HEADER, [VALID, bad]));
    expect(await t.load('complaints', 'complaints.csv')).toMatchObject({ read: 2, loaded: 1, rejected: 1, duplicate: 0 });
    expect(await t.rejects()).toMatchObject([{
      source_line: 3,
      rule: 'closed_without_outcome',
      rules: ['closed_without_outcome', 'response_before_received', 'closed_before_received'],
      message: 'closed_at needs an outcome',
      raw: rawOf(HEADER, bad),
    }]);
  });

  it('accepts a response and a closing at the very instant of receipt', async () => {
    const same = { ...VALID, first_response_at: '2026-03-08T02:00:00Z', closed_at: '2026-03-08 10:00:00' };
    t.writeFile('complaints.csv', csvFile(HEADER, [same]));
    expect(await t.load('complaints', 'complaints.csv')).toMatchObject({ read: 1, loaded: 1, rejected: 0 });
  });
});
