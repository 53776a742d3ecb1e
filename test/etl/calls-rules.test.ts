// FORMATS.md section 1 and etl/README.md "Rules": every rule of the calls source,
// each broken by exactly one row next to a valid one.
import { describe, expect, it } from 'vitest';
import { csvFile, rawOf, type FixtureRow } from '../helpers/csv-fixture.ts';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

// Mixed-case names on purpose: raw must keep the file's own names.
const HEADER = ['Call_ID', 'started_at', 'Queue', 'outcome', 'wait_s', 'talk_s', 'agent_id', 'priority', 'transferred', 'callback_requested_at', 'callback_at', 'Note'];
const VALID: FixtureRow = {
  Call_ID: 'c1', started_at: '2026-03-08 14:05:09', Queue: 'recharge', outcome: 'answered', wait_s: '12', talk_s: '100',
  agent_id: 'A1', priority: 'high', transferred: 'false', Note: 'vip',
};

const TS = 'is not an ISO 8601 timestamp or epoch seconds';
const CASES: [string, string, string, FixtureRow][] = [
  ['call_id empty', 'missing_required', 'call_id is required', { Call_ID: '' }],
  ['started_at empty', 'missing_required', 'started_at is required', { started_at: '' }],
  ['started_at not a date', 'invalid_timestamp', `started_at ${TS}`, { started_at: '2026-13-01 10:00:00' }],
  ['queue empty', 'missing_required', 'queue is required', { Queue: '' }],
  ['priority not a level', 'invalid_priority', 'priority must be one of low, normal, high, urgent', { priority: 'critical' }],
  ['outcome empty', 'missing_required', 'outcome is required', { outcome: '' }],
  ['outcome unknown', 'unknown_outcome', 'outcome must be one of answered, abandoned, timeout, busy, unreachable, callback', { outcome: 'hung_up' }],
  ['wait_s not a number', 'invalid_number', 'wait_s is not a number', { wait_s: 'twelve' }],
  ['talk_s not a number', 'invalid_number', 'talk_s is not a number', { talk_s: '1:40' }],
  ['transferred not a boolean', 'invalid_boolean', 'transferred is not true/false', { transferred: 'maybe' }],
  ['callback_requested_at not a date', 'invalid_timestamp', `callback_requested_at ${TS}`, { callback_requested_at: 'tomorrow' }],
  ['callback_at not a date', 'invalid_timestamp', `callback_at ${TS}`, { callback_at: '2026-03-08 25:00:00' }],
  ['answered without wait_s', 'missing_wait_s', 'wait_s is required for a queued outcome (answered, abandoned, timeout, callback)', { wait_s: '' }],
  ['negative talk_s', 'negative_duration', 'wait_s and talk_s must be >= 0', { talk_s: '-5' }],
  ['answered without agent', 'answered_without_agent', 'agent_id is required when outcome = answered', { agent_id: '' }],
  [
    'callback before its request',
    'callback_before_request',
    'callback_at is before callback_requested_at',
    { outcome: 'callback', talk_s: '', agent_id: '', callback_requested_at: '2026-03-08 14:10:00', callback_at: '2026-03-08 14:09:59' },
  ],
];

describe('calls rules', () => {
  it.each(CASES)('rejects a row with %s as %s, keeping its raw text, and loads the valid row', async (_what, rule, message, change) => {
    const bad = { ...VALID, Call_ID: 'c2', ...change };
    t.writeFile('calls.csv', csvFile(HEADER, [VALID, bad]));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 1, replaced: 0, rejected: 1, duplicate: 0, retracted: 0 });
    expect(await t.rejects()).toEqual([
      { run_id: r.runId, kind: 'calls', source_line: 3, rule, rules: [rule], message, raw: rawOf(HEADER, bad), retracted_from_run: null },
    ]);
    expect(await t.query('SELECT call_id, source_line FROM calls')).toEqual([{ call_id: 'c1', source_line: 2 }]);
  });

  it('stores the valid row typed, with its unknown column in extra and its provenance', async () => {
    t.writeFile('calls.csv', csvFile(HEADER, [VALID]));
    const r = await t.load('calls', 'calls.csv');
    const [row] = await t.query('SELECT * FROM calls');
    expect(row).toEqual({
      call_id: 'c1', started_at: new Date('2026-03-08T06:05:09Z'), queue: 'recharge', ivr_option: null, caller: null, customer_id: null,
      order_id: null, category: null, priority: 'high', outcome: 'answered', wait_s: 12, talk_s: 100, agent_id: 'A1', transferred: false,
      callback_requested_at: null, callback_at: null, extra: '{"Note":"vip"}', run_id: r.runId, source_line: 2,
    });
  });

  it('lists every rule a row breaks, in rule order, and names the first one', async () => {
    const bad = { ...VALID, Call_ID: 'c2', started_at: 'soon', priority: 'critical', wait_s: '-1', agent_id: '' };
    t.writeFile('calls.csv', csvFile(HEADER, [VALID, bad]));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ read: 2, loaded: 1, rejected: 1, duplicate: 0 });
    const [reject] = await t.rejects();
    expect(reject).toMatchObject({
      source_line: 3,
      rule: 'invalid_timestamp',
      rules: ['invalid_timestamp', 'invalid_priority', 'negative_duration', 'answered_without_agent'],
      message: `started_at ${TS}`,
      raw: { Call_ID: 'c2', started_at: 'soon', priority: 'critical', wait_s: '-1', agent_id: null },
    });
  });

  it('trims and lower-cases values, defaults priority to normal, reads boolean words and keeps wait_s of a busy call', async () => {
    t.writeFile('calls.csv', csvFile(HEADER, [
      { ...VALID, Queue: ' orders ', outcome: ' ANSWERED ', priority: '', transferred: 'Y' },
      { Call_ID: 'c2', started_at: '2026-03-08 14:06:00', Queue: 'orders', outcome: 'Busy', wait_s: '7', transferred: '0' },
    ]));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    expect(await t.query('SELECT call_id, queue, outcome, priority, transferred, wait_s, agent_id FROM calls ORDER BY call_id')).toEqual([
      { call_id: 'c1', queue: 'orders', outcome: 'answered', priority: 'normal', transferred: true, wait_s: 12, agent_id: 'A1' },
      { call_id: 'c2', queue: 'orders', outcome: 'busy', priority: 'normal', transferred: false, wait_s: 7, agent_id: null },
    ]);
  });

  it('does not require wait_s for busy and unreachable calls', async () => {
    t.writeFile('calls.csv', csvFile(HEADER, [
      { Call_ID: 'c1', started_at: '2026-03-08 14:05:09', Queue: 'orders', outcome: 'busy' },
      { Call_ID: 'c2', started_at: '2026-03-08 14:05:09', Queue: 'orders', outcome: 'unreachable' },
      { Call_ID: 'c3', started_at: '2026-03-08 14:05:09', Queue: 'orders', outcome: 'timeout' },
    ]));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    expect((await t.rejects()).map((x) => [x.source_line, x.rule])).toEqual([[4, 'missing_wait_s']]);
  });

  // Blank text is NULL (README "Values"): a wait_s of spaces is no wait_s at all.
  it('counts a wait_s of only spaces as missing for an answered call (CSV)', async () => {
    t.writeFile('calls.csv', csvFile(HEADER, [VALID, { ...VALID, Call_ID: 'c2', wait_s: '   ' }]));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect((await t.rejects()).map((x) => [x.source_line, x.rules])).toEqual([[3, ['missing_wait_s']]]);
  });

  it('counts an empty-string wait_s as missing for an answered call (JSON Lines)', async () => {
    t.writeFile('calls.jsonl', lines(
      '{"call_id":"j1","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"answered","wait_s":12,"agent_id":"A1"}',
      '{"call_id":"j2","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"answered","wait_s":"","agent_id":"A1"}',
    ));
    const r = await t.load('calls', 'calls.jsonl');
    expect(r).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect((await t.rejects()).map((x) => [x.source_line, x.rules])).toEqual([[2, ['missing_wait_s']]]);
  });
});
