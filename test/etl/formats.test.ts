// FORMATS.md "Common rules": CSV with a header, JSON Lines and Parquet, column names
// in any case, unknown columns kept; the same records in any format are the same rows.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TempWarehouse, lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';
import { writeParquet } from '../helpers/parquet.ts';

const t = useTempWarehouse();

describe('JSON Lines', () => {
  it('matches keys in any case, reads JSON numbers and booleans, and keeps a nested unknown key in extra', async () => {
    t.writeFile('calls.jsonl', lines(
      '{"Call_ID":"j1","STARTED_AT":"2026-03-08T14:05:09+08:00","Queue":"orders","Outcome":"ANSWERED","Wait_S":12,"talk_s":95.5,"agent_id":"A1","transferred":true,"meta":{"vip":true,"tags":["a"]}}',
      '{"Call_ID":"j2","STARTED_AT":1772949909,"Queue":"orders","Outcome":"abandoned","Wait_S":-4,"transferred":false}',
    ));
    const r = await t.load('calls', 'calls.jsonl');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1, duplicate: 0 });
    expect(await t.query('SELECT call_id, started_at, queue, outcome, wait_s, talk_s, agent_id, transferred, extra, source_line FROM calls')).toEqual([{
      call_id: 'j1', started_at: new Date('2026-03-08T06:05:09Z'), queue: 'orders', outcome: 'answered', wait_s: 12, talk_s: 95.5,
      agent_id: 'A1', transferred: true, extra: '{"meta":"{\\"vip\\":true,\\"tags\\":[\\"a\\"]}"}', source_line: 1,
    }]);
    // The nested value is kept whole, as its JSON text.
    const [{ extra }] = (await t.query('SELECT extra FROM calls')) as [{ extra: string }];
    expect(JSON.parse(JSON.parse(extra).meta)).toEqual({ vip: true, tags: ['a'] });
    expect(await t.rejects()).toMatchObject([{
      source_line: 2,
      rule: 'negative_duration',
    }]);
    // A JSON Lines record's raw text is the record itself, exactly as read.
    expect((await t.rejects())[0]!.raw).toEqual({ Call_ID: 'j2', STARTED_AT: 1772949909, Queue: 'orders', Outcome: 'abandoned', Wait_S: -4, transferred: false });
  });

  it('merges a key spelled differently from record to record, and names it as the first spelling in raw', async () => {
    t.writeFile('calls.jsonl', lines(
      '{"call_id":"j1","started_at":"2026-03-08T14:05:09+08:00","queue":"orders","outcome":"busy"}',
      '{"CALL_ID":"j2","started_at":"2026-03-08T14:06:09+08:00","queue":"orders","outcome":"bogus"}',
    ));
    expect(await t.load('calls', 'calls.jsonl')).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1 });
    expect(await t.query('SELECT call_id FROM calls')).toEqual([{ call_id: 'j1' }]);
    expect(await t.rejects()).toMatchObject([{ source_line: 2, rule: 'unknown_outcome' }]);
    expect((await t.rejects())[0]!.raw).toEqual({ CALL_ID: 'j2', started_at: '2026-03-08T14:06:09+08:00', queue: 'orders', outcome: 'bogus' });
  });

  it('reads a complaint whose source is a JSON number', async () => {
    t.writeFile('complaints.jsonl', lines('{"complaint_id":"K1","received_at":"2026-03-08 10:00:00","source":12315,"amount":199.9}'));
    expect(await t.load('complaints', 'complaints.jsonl')).toMatchObject({ read: 1, loaded: 1, rejected: 0 });
    expect(await t.query('SELECT source, amount FROM complaints')).toEqual([{ source: '12315', amount: 199.9 }]);
  });
});

describe('CSV and gzip', () => {
  it('loads a header-only CSV file as zero rows', async () => {
    t.writeFile('calls.csv', lines('call_id,started_at,queue,outcome'));
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ status: 'loaded', read: 0, loaded: 0, rejected: 0, duplicate: 0 });
  });

  it('reads gzip-compressed JSON Lines, telling gzip by its magic bytes', async () => {
    t.writeFile('calls.jsonl.gz', zlib.gzipSync(lines('{"call_id":"j1","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"busy"}')));
    const r = await t.load('calls', 'calls.jsonl.gz');
    expect(r).toMatchObject({ status: 'loaded', read: 1, loaded: 1 });
    expect(await t.run(r.runId)).toMatchObject({ format: 'jsonl', compression: 'gzip', encoding: 'utf-8' });
  });
});

describe('Parquet', () => {
  it('reads a TIMESTAMPTZ column as its instant and a naive TIMESTAMP as platform-local', async () => {
    await writeParquet(t.path('calls.parquet'), `
      SELECT * FROM (VALUES
        ('p1', TIMESTAMPTZ '2026-03-08 06:05:09+00', 'orders', 'callback', 40, NULL::DOUBLE, NULL, true,
          TIMESTAMP '2026-03-08 14:10:00', TIMESTAMPTZ '2026-03-08 07:00:00+00', 'x'),
        ('p2', TIMESTAMPTZ '2026-03-08 06:06:00+00', 'orders', 'answered', -3, 60.5, 'A1', false, NULL, NULL, NULL)
      ) v(call_id, started_at, queue, outcome, wait_s, talk_s, agent_id, transferred, callback_requested_at, callback_at, Note)`);
    const r = await t.load('calls', 'calls.parquet');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 1, rejected: 1, duplicate: 0 });
    expect(await t.query('SELECT call_id, started_at, wait_s, transferred, callback_requested_at, callback_at, extra, source_line FROM calls')).toEqual([{
      call_id: 'p1', started_at: new Date('2026-03-08T06:05:09Z'), wait_s: 40, transferred: true,
      callback_requested_at: new Date('2026-03-08T06:10:00Z'), callback_at: new Date('2026-03-08T07:00:00Z'), extra: '{"Note":"x"}', source_line: 1,
    }]);
    expect(await t.rejects()).toMatchObject([{ source_line: 2, rule: 'negative_duration', raw: { call_id: 'p2', wait_s: '-3', talk_s: '60.5', agent_id: 'A1', transferred: 'false', callback_at: null } }]);
    expect(await t.run(r.runId)).toMatchObject({ format: 'parquet', compression: 'none', encoding: 'binary' });
  });
});

describe('the same records in every format', () => {
  const CSV = lines(
    'call_id,started_at,queue,outcome,wait_s,talk_s,agent_id,transferred,callback_requested_at,callback_at,note',
    'c1,2026-03-08 14:05:09,orders,answered,12,100.5,A1,true,,,vip',
    'c2,2026-03-08T06:06:00Z,recharge,callback,40,,,false,2026-03-08 14:10:00,2026-03-08T15:00:00+08:00,',
  );
  const JSONL = lines(
    '{"call_id":"c1","started_at":"2026-03-08T14:05:09+08:00","queue":"orders","outcome":"answered","wait_s":12,"talk_s":100.5,"agent_id":"A1","transferred":true,"note":"vip"}',
    '{"call_id":"c2","started_at":1772949960,"queue":"recharge","outcome":"callback","wait_s":40.0,"transferred":false,"callback_requested_at":"2026-03-08T06:10:00Z","callback_at":"2026-03-08 15:00:00"}',
  );
  const PARQUET_SELECT = `SELECT * FROM (VALUES
      ('c1', TIMESTAMP '2026-03-08 14:05:09', 'orders', 'answered', 12, 100.5, 'A1', true, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, 'vip'),
      ('c2', TIMESTAMP '2026-03-08 14:06:00', 'recharge', 'callback', 40, NULL, NULL, false, TIMESTAMPTZ '2026-03-08 06:10:00+00', TIMESTAMPTZ '2026-03-08 07:00:00+00', NULL)
    ) v(call_id, started_at, queue, outcome, wait_s, talk_s, agent_id, transferred, callback_requested_at, callback_at, note)`;
  const STORED = 'SELECT * EXCLUDE (run_id, source_line) FROM calls ORDER BY call_id';

  async function storedAfter(name: string, content: string | null): Promise<unknown[]> {
    const w = await TempWarehouse.open('formats');
    try {
      if (content === null) await writeParquet(w.path(name), PARQUET_SELECT);
      else w.writeFile(name, content);
      expect(await w.load('calls', name)).toMatchObject({ status: 'loaded', read: 2, loaded: 2, rejected: 0 });
      return await w.query(STORED);
    } finally {
      w.close();
    }
  }

  it('stores identical rows from CSV, JSON Lines and Parquet', async () => {
    const fromCsv = await storedAfter('calls.csv', CSV);
    expect(fromCsv).toMatchObject([
      { call_id: 'c1', started_at: new Date('2026-03-08T06:05:09Z'), wait_s: 12, talk_s: 100.5, transferred: true, extra: '{"note":"vip"}' },
      { call_id: 'c2', started_at: new Date('2026-03-08T06:06:00Z'), callback_requested_at: new Date('2026-03-08T06:10:00Z'), callback_at: new Date('2026-03-08T07:00:00Z'), extra: null },
    ]);
    expect(await storedAfter('calls.jsonl', JSONL)).toEqual(fromCsv);
    expect(await storedAfter('calls.parquet', null)).toEqual(fromCsv);
  });

  it('counts the same records loaded again in another format as duplicates', async () => {
    t.writeFile('calls.csv', CSV);
    t.writeFile('calls.jsonl', JSONL);
    await writeParquet(t.path('calls.parquet'), PARQUET_SELECT);
    const first = await t.load('calls', 'calls.csv');
    const before = await t.snapshot();
    expect(await t.load('calls', 'calls.jsonl')).toMatchObject({ status: 'loaded', read: 2, loaded: 0, replaced: 0, rejected: 0, duplicate: 2 });
    expect(await t.load('calls', 'calls.parquet')).toMatchObject({ status: 'loaded', read: 2, loaded: 0, replaced: 0, rejected: 0, duplicate: 2 });
    expect(await t.snapshot()).toEqual(before);
    expect(await t.query('SELECT DISTINCT run_id FROM calls')).toEqual([{ run_id: first.runId }]);
  });

  // "A row equal to the version just before it (same typed values, same unknown
  // columns) is a duplicate": the order of the unknown columns is not part of the record.
  it('counts a record with two unknown columns as a duplicate whatever their order in the file', async () => {
    t.writeFile('calls.csv', lines('call_id,started_at,queue,outcome,zone,agent_name', 'c1,2026-03-08 14:05:09,orders,busy,east,Li'));
    t.writeFile('calls.jsonl', lines('{"call_id":"c1","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"busy","zone":"east","agent_name":"Li"}'));
    await t.load('calls', 'calls.csv');
    expect(await t.load('calls', 'calls.jsonl')).toMatchObject({ read: 1, loaded: 0, replaced: 0, duplicate: 1 });
  });
});

describe('line numbers', () => {
  it('reads CRLF line ends and numbers the lines from the header', async () => {
    t.writeFile('calls.csv', 'call_id,started_at,queue,outcome\r\nc1,2026-03-08 14:05:09,orders,busy\r\nc2,2026-03-08 14:05:09,orders,gone\r\n');
    expect(await t.load('calls', 'calls.csv')).toMatchObject({ read: 2, loaded: 1, rejected: 1 });
    expect((await t.rejects()).map((x) => [x.source_line, x.rule])).toEqual([[3, 'unknown_outcome']]);
    expect(await t.query('SELECT call_id, outcome, source_line FROM calls')).toEqual([{ call_id: 'c1', outcome: 'busy', source_line: 2 }]);
  });

  // README "Provenance": source_line is the line in the file (CSV: header = 1; JSON Lines: the line).
  it('counts an empty line of a CSV file in source_line', async () => {
    t.writeFile('calls.csv', lines('call_id,started_at,queue,outcome', 'c1,2026-03-08 14:05:09,orders,busy', '', 'c2,2026-03-08 14:05:09,orders,gone'));
    await t.load('calls', 'calls.csv');
    expect((await t.rejects()).map((x) => [x.source_line, x.rule])).toEqual([[4, 'unknown_outcome']]);
  });

  it('counts an empty line of a JSON Lines file in source_line', async () => {
    t.writeFile('calls.jsonl', lines(
      '{"call_id":"c1","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"busy"}',
      '',
      '{"call_id":"c2","started_at":"2026-03-08 14:05:09","queue":"orders","outcome":"gone"}',
    ));
    await t.load('calls', 'calls.jsonl');
    expect((await t.rejects()).map((x) => [x.source_line, x.rule])).toEqual([[3, 'unknown_outcome']]);
  });
});
