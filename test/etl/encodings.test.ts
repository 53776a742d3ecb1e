// FORMATS.md "Text encodings": UTF-8, UTF-8 with BOM, GBK/GB18030 (Chinese Excel
// exports), gzip-compressed or not; a file invalid in its encoding is refused whole
// with the byte offset of the first bad sequence.
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { lines, useTempWarehouse } from '../helpers/temp-warehouse.ts';

const t = useTempWarehouse();

const NOTE = '客户说：“到账慢”，要求退款';
/** Chinese in values (queue, agent, category), in an unknown column's name and value, and in a rejected row. */
const CHINESE_CSV = lines(
  'call_id,started_at,queue,outcome,wait_s,agent_id,category,备注',
  `g1,2026-03-08 14:05:09,充值,answered,12,工号007,账号安全,${NOTE}`,
  'g2,2026-03-08 14:06:00,订单,abandoned,30,,商品,',
  'g3,2026-03-08 14:07:00,订单,挂断,5,,商品,无',
);

async function expectChineseLoaded(runId: number, encoding: string, compression: string) {
  expect(await t.query('SELECT call_id, queue, agent_id, category, extra FROM calls ORDER BY call_id')).toEqual([
    { call_id: 'g1', queue: '充值', agent_id: '工号007', category: '账号安全', extra: JSON.stringify({ 备注: NOTE }) },
    { call_id: 'g2', queue: '订单', agent_id: null, category: '商品', extra: null },
  ]);
  expect(await t.rejects()).toMatchObject([{
    source_line: 4,
    rule: 'unknown_outcome',
    raw: { call_id: 'g3', started_at: '2026-03-08 14:07:00', queue: '订单', outcome: '挂断', wait_s: '5', agent_id: null, category: '商品', 备注: '无' },
  }]);
  expect(await t.run(runId)).toMatchObject({ status: 'loaded', encoding, compression, rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
}

describe('encodings', () => {
  it('detects a GBK file and keeps its Chinese text intact, in values and unknown columns', async () => {
    t.writeFile('calls.csv', iconv.encode(CHINESE_CSV, 'gbk'));
    const r = await t.load('calls', 'calls.csv');
    expect(r).toMatchObject({ status: 'loaded', read: 3, loaded: 2, rejected: 1, duplicate: 0 });
    await expectChineseLoaded(r.runId, 'gb18030', 'none');
  });

  it('reads a GBK file declared with encoding gbk', async () => {
    t.writeFile('calls.csv', iconv.encode(CHINESE_CSV, 'gbk'));
    const r = await t.load('calls', 'calls.csv', { encoding: 'gbk' });
    await expectChineseLoaded(r.runId, 'gb18030', 'none');
  });

  it('reads a gzip-compressed GBK file', async () => {
    t.writeFile('calls.csv.gz', zlib.gzipSync(iconv.encode(CHINESE_CSV, 'gbk')));
    const r = await t.load('calls', 'calls.csv.gz');
    await expectChineseLoaded(r.runId, 'gb18030', 'gzip');
  });

  it('reads a UTF-8 file, plain and gzip-compressed', async () => {
    t.writeFile('calls.csv', CHINESE_CSV);
    await expectChineseLoaded((await t.load('calls', 'calls.csv')).runId, 'utf-8', 'none');
    t.writeFile('calls-2.csv.gz', zlib.gzipSync(Buffer.from(CHINESE_CSV)));
    const r = await t.load('calls', 'calls-2.csv.gz');
    // Same records again: all duplicates, nothing else changed.
    expect(r).toMatchObject({ status: 'loaded', read: 3, loaded: 0, rejected: 1, duplicate: 2 });
    expect(await t.run(r.runId)).toMatchObject({ encoding: 'utf-8', compression: 'gzip' });
  });

  it('matches the first header column of a UTF-8 file with a BOM and keeps the BOM out of raw', async () => {
    t.writeFile('calls.csv', '\uFEFF' + CHINESE_CSV);
    const r = await t.load('calls', 'calls.csv');
    await expectChineseLoaded(r.runId, 'utf-8-bom', 'none');
    const [reject] = await t.rejects();
    expect(Object.keys(reject?.raw as object)[0]).toBe('call_id');
  });

  describe('refusals', () => {
    // 33 header bytes; line 2 is 23 ASCII bytes, 充值 in GBK (4 bytes, the first at 56), 6 more: line 3 starts at 66.
    const BAD_GBK = Buffer.concat([
      Buffer.from('call_id,started_at,queue,outcome\n'),
      iconv.encode('g1,2026-03-08 14:05:09,充值,busy\n', 'gbk'),
      Buffer.from('g2,2026-03-08 14:05:09,'),
      Buffer.from([0xff]), // byte 66 + 23 = 89: never valid in GBK/GB18030
      Buffer.from(',busy\n'),
    ]);

    it('refuses a detected GBK file with an invalid byte, naming its offset and line', async () => {
      t.writeFile('calls.csv', BAD_GBK);
      const r = await t.load('calls', 'calls.csv');
      expect(r).toMatchObject({ status: 'refused', read: 0, loaded: 0, rejected: 0 });
      expect(r.error).toEqual({
        message: 'not valid GBK/GB18030 text: invalid byte sequence at byte 89 (line 3); not UTF-8 either (invalid byte at 56)',
        line: 3,
        offset: 89,
      });
      expect(await t.query('SELECT count(*) AS n FROM calls')).toEqual([{ n: 0 }]);
    });

    it('refuses a declared GBK file with an invalid byte, naming its offset and line', async () => {
      t.writeFile('calls.csv', BAD_GBK);
      const r = await t.load('calls', 'calls.csv', { encoding: 'gbk' });
      expect(r.status).toBe('refused');
      expect(r.error).toEqual({ message: 'not valid GBK/GB18030 text: invalid byte sequence at byte 89 (line 3)', line: 3, offset: 89 });
    });

    // 42 header bytes; line 2 is 42 bytes (充值 and 安全, 3 bytes a character): line 3
    // starts at 84, its cut-off 充 (E5 85, then a comma) at 84 + 23 = 107. Read as GBK
    // the file breaks earlier, at the 0x80 of 值 (E5 80 BC) on line 2: byte 42 + 23 + 4 = 69.
    const BAD_UTF8 = Buffer.concat([
      Buffer.from(lines('call_id,started_at,queue,outcome,category', 'u1,2026-03-08 14:05:09,充值,busy,安全')),
      Buffer.from('u2,2026-03-08 14:05:09,'),
      Buffer.from([0xe5, 0x85]),
      Buffer.from(',busy,x\n'),
    ]);

    it('refuses a UTF-8 file with one invalid sequence, naming its offset and line', async () => {
      t.writeFile('calls.csv', BAD_UTF8);
      const r = await t.load('calls', 'calls.csv');
      expect(r.status).toBe('refused');
      expect(r.error).toEqual({
        message: 'not valid UTF-8 text: invalid byte sequence at byte 107 (line 3); not GBK/GB18030 either (invalid byte at 69)',
        line: 3,
        offset: 107,
      });
    });

    it('refuses a declared UTF-8 file with one invalid sequence, suggesting --encoding gbk', async () => {
      t.writeFile('calls.csv', BAD_UTF8);
      const r = await t.load('calls', 'calls.csv', { encoding: 'utf-8' });
      expect(r.status).toBe('refused');
      expect(r.error).toEqual({
        message: 'not valid UTF-8 text: invalid byte sequence at byte 107 (line 3); if it is a GBK export, load it with --encoding gbk',
        line: 3,
        offset: 107,
      });
    });
  });
});
