// The demo generator must be deterministic and must only write rows that the
// FORMATS.md rules accept; the files are read back with DuckDB itself, the way
// the ETL will read them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoFile, generateDemo } from '../../etl/demo/generate-demo.js';

const END = new Date('2026-11-13T15:30:00+08:00'); // mid-day end; 11-11 (a sale day) inside
const DAYS = 14;
const START = new Date(END.getTime() - DAYS * 86_400_000);
const base = { days: DAYS, end: END, timeZone: 'Asia/Shanghai', scale: 0.2 };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-gen-'));
let first: DemoFile[] = [];
let again: DemoFile[] = [];
let otherSeed: DemoFile[] = [];
let con: DuckDBConnection;

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

async function count(sql: string): Promise<number> {
  const [row] = await rows(`select count(*) as n from (${sql})`);
  return Number(row!.n);
}

/** Complaints are GBK; DuckDB reads UTF-8, so decode into a sibling folder first. */
function decodeComplaints(files: DemoFile[]): string {
  const dir = path.join(tmp, 'complaints-utf8');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files.filter((x) => x.kind === 'complaints')) {
    fs.writeFileSync(path.join(dir, path.basename(f.path)), iconv.decode(fs.readFileSync(f.path), 'gbk'));
  }
  return dir;
}

beforeAll(async () => {
  first = (await generateDemo({ ...base, seed: 42, outDir: path.join(tmp, 'a') })).files;
  again = (await generateDemo({ ...base, seed: 42, outDir: path.join(tmp, 'b') })).files;
  otherSeed = (await generateDemo({ ...base, seed: 43, outDir: path.join(tmp, 'c') })).files;
  const inst = await DuckDBInstance.create(':memory:');
  con = await inst.connect();
  await con.run(`SET TimeZone = 'UTC'`);
  const a = path.join(tmp, 'a');
  await con.run(`create view calls as select * from read_csv('${a}/calls-*.csv.gz', all_varchar = true, filename = true)`);
  await con.run(`create view ev as select * from read_json_auto('${a}/ticket_events-*.jsonl', sample_size = -1, filename = true)`);
  // Platform-local (no offset) complaint times: interpret them in the platform zone.
  await con.run(`create view cp as select * from read_csv('${decodeComplaints(first)}/*.csv', all_varchar = true)`);
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('demo generator: files', () => {
  it('is byte-identical for the same options and differs for another seed', () => {
    expect(again.map((f) => path.basename(f.path))).toEqual(first.map((f) => path.basename(f.path)));
    first.forEach((f, i) => expect(sha256(again[i]!.path), f.path).toBe(sha256(f.path)));
    const differs = first.some((f, i) => sha256(otherSeed[i]!.path) !== sha256(f.path));
    expect(differs).toBe(true);
  });

  it('lists files chunk by chunk in chronological order with the canonical names', () => {
    const names = first.map((f) => path.basename(f.path));
    expect(names.slice(0, 3)).toEqual(['calls-20261030.csv.gz', 'ticket_events-20261030.jsonl', 'complaints-20261030.csv']);
    const labels = names.map((n) => n.match(/-(\d{8})\./)![1]!);
    expect([...labels].sort()).toEqual(labels);
    expect(first.filter((f) => f.kind === 'calls').length).toBe(3); // 15 local days (partial first and last) / 7
  });

  it('reports the row counts that DuckDB reads back', async () => {
    const total = (kind: DemoFile['kind']) => first.filter((f) => f.kind === kind).reduce((s, f) => s + f.rows, 0);
    expect(await count('select * from calls')).toBe(total('calls'));
    expect(await count('select * from ev')).toBe(total('ticket_events'));
    expect(await count('select * from cp')).toBe(total('complaints'));
    expect(total('calls')).toBeGreaterThan(3000);
    expect(total('complaints')).toBeGreaterThan(10);
  });

  it('writes both timestamp styles: offsets in calls and events, platform-local in complaints', async () => {
    expect(await count(`select * from calls where not regexp_full_match(started_at, '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00')`)).toBe(0);
    expect(await count(`select * from cp where not regexp_full_match(received_at, '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d')`)).toBe(0);
  });
});

describe('demo generator: volume knobs', () => {
  const opened = (files: DemoFile[]) => files.filter((f) => f.kind === 'ticket_events')
    .reduce((n, f) => n + fs.readFileSync(f.path, 'utf8').split('"type":"opened"').length - 1, 0);
  const rowsOf = (files: DemoFile[], kind: DemoFile['kind']) => files.filter((f) => f.kind === kind).reduce((s, f) => s + f.rows, 0);

  it('gives the same bytes when ticketScale and complaintScale equal scale', async () => {
    const same = (await generateDemo({ ...base, seed: 42, ticketScale: base.scale, complaintScale: base.scale, outDir: path.join(tmp, 'd') })).files;
    first.forEach((f, i) => expect(sha256(same[i]!.path), f.path).toBe(sha256(f.path)));
  });

  it('scales tickets and complaints apart from calls, deterministically', async () => {
    const knobs = { ...base, seed: 42, ticketScale: base.scale / 2, complaintScale: 0 };
    const half = (await generateDemo({ ...knobs, outDir: path.join(tmp, 'e') })).files;
    const twice = (await generateDemo({ ...knobs, outDir: path.join(tmp, 'f') })).files;
    half.forEach((f, i) => expect(sha256(twice[i]!.path), f.path).toBe(sha256(f.path)));
    const ratio = opened(half) / opened(first);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(0.6);
    const calls = rowsOf(half, 'calls') / rowsOf(first, 'calls');
    expect(calls).toBeGreaterThan(0.9);
    expect(calls).toBeLessThan(1.05);
    expect(rowsOf(half, 'complaints')).toBe(0);
  });

  it('refuses volumes that make no sense', async () => {
    await expect(generateDemo({ ...base, seed: 1, ticketScale: 0, outDir: path.join(tmp, 'g') })).rejects.toThrow(RangeError);
    await expect(generateDemo({ ...base, seed: 1, complaintScale: -1, outDir: path.join(tmp, 'g') })).rejects.toThrow(RangeError);
  });
});

describe('demo generator: FORMATS.md rules', () => {
  const end = END.toISOString();
  const start = START.toISOString();

  it('calls: outcomes, waits, agents and callbacks are consistent', async () => {
    expect(await count(`select * from calls where outcome not in ('answered','abandoned','timeout','busy','unreachable','callback')`)).toBe(0);
    expect(await count(`select * from calls where outcome in ('busy','unreachable') and wait_s is not null`)).toBe(0);
    expect(await count(`select * from calls where outcome not in ('busy','unreachable') and wait_s is null`)).toBe(0);
    expect(await count(`select * from calls where wait_s::int < 0 or talk_s::int < 0`)).toBe(0);
    expect(await count(`select * from calls where outcome = 'answered' and agent_id is null`)).toBe(0);
    expect(await count(`select * from calls where callback_at is not null and (callback_requested_at is null
      or callback_at::timestamptz < callback_requested_at::timestamptz)`)).toBe(0);
    expect(await count(`select call_id from calls group by 1 having count(*) > 1`)).toBe(0);
  });

  it('ticket events: opened first, valid types, actors and statuses, unique ids', async () => {
    const firstNotOpened = `select ticket_id from ev qualify row_number() over (partition by ticket_id order by "at", type <> 'opened') = 1 and type <> 'opened'`;
    expect(await count(firstNotOpened)).toBe(0);
    expect(await count(`select ticket_id from ev where type = 'opened' group by 1 having count(*) > 1`)).toBe(0);
    expect(await count(`select distinct ticket_id from ev except select ticket_id from ev where type = 'opened'`)).toBe(0);
    expect(await count(`select * from ev where type = 'agent_reply' and actor is null`)).toBe(0);
    expect(await count(`select * from ev where type = 'opened' and (channel is null or customer_id is null)`)).toBe(0);
    expect(await count(`select * from ev where type = 'status' and status not in ('open','pending','on_hold')`)).toBe(0);
    expect(await count(`select * from ev where type not in ('opened','customer_message','agent_reply','bot_reply','internal_note',
      'assigned','transferred','escalated','status','resolved','reopened','closed','refund_requested','refund_completed')`)).toBe(0);
    expect(await count(`select event_id from ev group by 1 having count(*) > 1`)).toBe(0);
  });

  it('complaints: sources, outcomes and times follow the rules', async () => {
    expect(await count(`select * from cp where source not in ('12315','consumer_association','12321','blackcat','payment_dispute','cyberspace','court','media','other')`)).toBe(0);
    expect(await count(`select * from cp where closed_at is not null and outcome is null`)).toBe(0);
    expect(await count(`select * from cp where outcome is not null and closed_at is null`)).toBe(0);
    expect(await count(`select * from cp where closed_at < received_at or first_response_at < received_at`)).toBe(0);
    expect(await count(`select complaint_id from cp group by 1 having count(*) > 1`)).toBe(0);
  });

  it('writes nothing at or after end, nor before the start', async () => {
    const local = (col: string) => `(${col})::timestamp - interval 8 hour`; // complaint times are +08:00 local
    const outside = (t: string) => `(${t} >= '${end}'::timestamp or ${t} < '${start}'::timestamp)`;
    expect(await count(`select * from calls where ${outside('started_at::timestamptz::timestamp')}`)).toBe(0);
    for (const col of ['callback_requested_at', 'callback_at']) {
      expect(await count(`select * from calls where ${col}::timestamptz::timestamp >= '${end}'::timestamp`)).toBe(0);
    }
    expect(await count(`select * from ev where ${outside('"at"')}`)).toBe(0);
    expect(await count(`select * from cp where ${outside(local('received_at'))}`)).toBe(0);
    for (const col of ['first_response_at', 'closed_at']) {
      expect(await count(`select * from cp where ${local(col)} >= '${end}'::timestamp`)).toBe(0);
    }
  });

  it('keeps Chinese text in the non-canonical summary column', async () => {
    const summaries = (await rows(`select summary from cp where summary is not null`)).map((r) => String(r.summary));
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
    // iconv-lite writes '?' for characters GBK cannot encode; none may have been lost.
    expect(summaries.every((s) => !s.includes('\uFFFD') && !s.includes('?'))).toBe(true);
    // Quoted fields (ASCII commas, quotes, line breaks) come back whole.
    expect(summaries.some((s) => /[",\n]/.test(s))).toBe(true);
  });
});

describe('demo generator: what the metrics need to see', () => {
  it('has late-arriving events: replies in a later file than their ticket', async () => {
    const sql = `select e.ticket_id from ev e join ev o on o.ticket_id = e.ticket_id and o.type = 'opened'
      where e.type <> 'opened' and e.filename > o.filename`;
    expect(await count(sql)).toBeGreaterThan(0);
  });

  it('has pending cases at the end: unanswered recent tickets and open callbacks', async () => {
    const recentSilent = `select ticket_id from ev group by 1
      having min("at") > '${END.toISOString()}'::timestamp - interval 2 day and count(*) filter (where type = 'agent_reply') = 0`;
    expect(await count(recentSilent)).toBeGreaterThan(0);
    expect(await count(`select * from calls where callback_requested_at is not null and callback_at is null`)).toBeGreaterThan(0);
  });

  it('has a plausible mix of answered calls, silent tickets, templates and refunds', async () => {
    const [c] = await rows(`select avg((outcome = 'answered')::int) as answered,
      avg((outcome in ('busy','unreachable'))::int) as line_failures from calls`);
    expect(Number(c!.answered)).toBeGreaterThan(0.4);
    expect(Number(c!.answered)).toBeLessThan(0.85);
    expect(Number(c!.line_failures)).toBeGreaterThan(0.05);
    const [t] = await rows(`select avg((replies = 0)::int) as never_replied from
      (select ticket_id, count(*) filter (where type = 'agent_reply') as replies from ev group by 1)`);
    expect(Number(t!.never_replied)).toBeGreaterThan(0.03);
    expect(Number(t!.never_replied)).toBeLessThan(0.4);
    expect(await count(`select * from ev where template_id = 'TPL_FORWARDED_TECH'`)).toBeGreaterThan(0);
    expect(await count(`select * from ev where type = 'refund_completed' and amount > 0`)).toBeGreaterThan(0);
    expect(await count(`select * from ev where type = 'reopened'`)).toBeGreaterThan(0);
  });
});
