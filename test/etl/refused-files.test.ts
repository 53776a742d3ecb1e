// etl/README.md: a file that cannot be read at all is refused whole: nothing of it is
// loaded, and the run says why, with the line or byte offset.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../etl/load/load-file.ts';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const HEADER = 'call_id,started_at,queue,outcome';
const OK_ROW = 'c1,2026-03-08 14:05:09,orders,busy';

async function expectRefused(r: LoadResult, error: { message: string | RegExp; line?: number; offset?: number }) {
  expect(r).toMatchObject({ status: 'refused', read: 0, loaded: 0, replaced: 0, rejected: 0, duplicate: 0, retracted: 0 });
  const { message, ...where } = error;
  expect(r.error).toEqual({ message: typeof message === 'string' ? message : expect.stringMatching(message), ...where });
  expect(await t.run(r.runId)).toMatchObject({
    status: 'refused', error: r.error?.message, error_line: error.line ?? null, error_offset: error.offset ?? null, rows_read: 0,
  });
  const snap = await t.snapshot();
  expect(Object.values(snap).map((rows) => rows.length)).toEqual([0, 0, 0, 0]);
}

describe('refused files', () => {
  it('refuses a gzip file cut short, at the compressed byte where it ends', async () => {
    const whole = zlib.gzipSync(Buffer.from(lines(HEADER, OK_ROW, OK_ROW.replace('c1', 'c2'))));
    const cut = whole.subarray(0, whole.length - 8); // the CRC and size trailer is missing
    t.writeFile('calls.csv.gz', cut);
    await expectRefused(await t.load('calls', 'calls.csv.gz'), {
      message: `the gzip stream is broken (unexpected end of file) at compressed byte ${cut.length}`,
      offset: cut.length,
    });
  });

  // The whole 10-byte gzip header is there; the stream breaks at byte 11, before any text.
  it('refuses a gzip file cut before its first text byte, at the compressed byte where it ends', async () => {
    t.writeFile('calls.csv.gz', zlib.gzipSync(Buffer.from(lines(HEADER, OK_ROW))).subarray(0, 11));
    const r = await t.load('calls', 'calls.csv.gz');
    expect(r.status).toBe('refused');
    expect(r.error?.offset).toBe(11);
  });

  it('refuses a CSV file with a row of too many fields, at its line, though earlier rows are valid', async () => {
    t.writeFile('calls.csv', lines(HEADER, OK_ROW, 'c2,2026-03-08 14:05:09,orders,busy,extra', OK_ROW.replace('c1', 'c3')));
    await expectRefused(await t.load('calls', 'calls.csv'), {
      message: 'not readable as CSV: CSV Error on Line: 3; Expected Number of Columns: 4 Found: 5',
      line: 3,
    });
  });

  it('refuses a CSV file with a row of too few fields, at its line', async () => {
    t.writeFile('calls.csv', lines(HEADER, OK_ROW, OK_ROW.replace('c1', 'c2'), 'c3,2026-03-08 14:05:09,orders'));
    await expectRefused(await t.load('calls', 'calls.csv'), {
      message: 'not readable as CSV: CSV Error on Line: 4; Expected Number of Columns: 4 Found: 3',
      line: 4,
    });
  });

  // "a row with the wrong number of fields" is refused: an extra field that happens
  // to be empty is still a field the header does not name.
  // DuckDB's reader tolerates one trailing delimiter (a habit of some exporters);
  // the row's fields are all there, so it loads (etl/README.md, "Values").
  it('reads a CSV row ending in one trailing comma as if it had none', async () => {
    t.writeFile('calls.csv', lines(HEADER, OK_ROW, 'c2,2026-03-08 14:05:09,orders,busy,'));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ status: 'loaded', read: 2, loaded: 2, rejected: 0 });
    expect(await t.query(`SELECT outcome FROM calls WHERE call_id = 'c2'`)).toEqual([{ outcome: 'busy' }]);
  });

  it('refuses a header without a required column', async () => {
    t.writeFile('calls.csv', lines('call_id,started_at,outcome', 'c1,2026-03-08 14:05:09,busy'));
    await expectRefused(await t.load('calls', 'calls.csv'), { message: 'missing required column queue in the header', line: 1 });
  });

  it('names every missing required column', async () => {
    t.writeFile('complaints.jsonl', lines('{"complaint_id":"K1","amount":"12.00"}'));
    await expectRefused(await t.load('complaints', 'complaints.jsonl'), {
      message: 'missing required columns received_at, source in the header',
      line: 1,
    });
  });

  it('refuses a header naming a column twice, exactly or in another case', async () => {
    t.writeFile('twice.csv', lines('call_id,started_at,queue,outcome,queue', `${OK_ROW},orders`));
    await expectRefused(await t.load('calls', 'twice.csv'), { message: 'the header row names column "queue" twice', line: 1 });
    t.writeFile('case.csv', lines('call_id,started_at,queue,outcome,Queue', `${OK_ROW},orders`));
    const r = await t.load('calls', 'case.csv');
    expect(r).toMatchObject({ status: 'refused', error: { message: 'columns "queue" and "Queue" both name queue', line: 1 } });
  });

  it('refuses an empty file, plain or gzip-compressed', async () => {
    t.writeFile('calls.csv', '');
    await expectRefused(await t.load('calls', 'calls.csv'), { message: 'the file is empty (no header row)', line: 1, offset: 0 });
    t.writeFile('calls.csv.gz', zlib.gzipSync(Buffer.alloc(0)));
    const r = await t.load('calls', 'calls.csv.gz');
    expect(r).toMatchObject({ status: 'refused', error: { message: 'the file is empty (no header row)', line: 1, offset: 0 } });
  });

  it('refuses a binary file, at its first NUL byte', async () => {
    t.writeFile('calls.csv', Buffer.from([0x63, 0x61, 0x6c, 0x00, 0x01, 0xff, 0x10, 0x0a]));
    await expectRefused(await t.load('calls', 'calls.csv'), { message: 'binary content (a NUL byte), not CSV text', offset: 3 });
  });

  it('refuses a file named .parquet that is not Parquet', async () => {
    t.writeFile('calls.parquet', lines(HEADER, OK_ROW));
    await expectRefused(await t.load('calls', 'calls.parquet'), { message: 'named .parquet but not a Parquet file (no PAR1 magic)', offset: 0 });
  });

  it('refuses a JSON Lines file with a line that is not JSON, at that line and its byte offset', async () => {
    // Line 1 is 16 bytes and its newline: line 2 starts at byte 17.
    t.writeFile('calls.jsonl', lines('{"call_id":"j1"}', 'not json', '{"call_id":"j3"}'));
    await expectRefused(await t.load('calls', 'calls.jsonl'), { message: /^line 2 is not valid JSON: /, line: 2, offset: 17 });
  });

  it('refuses a JSON Lines record that is an array', async () => {
    t.writeFile('calls.jsonl', lines('{"call_id":"j1","started_at":"2026-03-08 14:05:09","queue":"q","outcome":"busy"}', '["j2","2026-03-08 14:05:09"]'));
    await expectRefused(await t.load('calls', 'calls.jsonl'), { message: 'line 2 is not a JSON object', line: 2 });
  });

  it('refuses a header with an unterminated quote', async () => {
    t.writeFile('calls.csv', lines('call_id,"started_at,queue,outcome', OK_ROW));
    await expectRefused(await t.load('calls', 'calls.csv'), { message: 'the header row has an unterminated quote', line: 1 });
  });
});
