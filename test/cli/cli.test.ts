import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsPending } from '../../etl/facts/refresh-facts.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { CALLS_HEADER, CALLS_WITH_BAD_ROW, CLEAN_CALLS, startServer, tempDir, UNREADABLE_CALLS, writeFile, type RunningServer, removeTempDirs } from '../server/support.ts';
import { runEtl, summaryRow } from './run-etl.ts';

afterAll(removeTempDirs);

const T = 60_000;

/** Two calls, of customers M1 and M2. */
const TWO_CUSTOMERS = [
  CALLS_HEADER,
  'f1,2026-03-10T10:00:00+08:00,recharge,1,,M1,,operation,,answered,5,60,A1,,,',
  'f2,2026-03-10T10:05:00+08:00,orders,2,,M2,,product,,abandoned,40,,,,,',
].join('\n') + '\n';

/** Opens the database (no process may hold it) for a look at the facts. */
async function inspectFacts(db: string): Promise<{ contacts: number; pending: boolean }> {
  const wh = await Warehouse.open({ file: db });
  try {
    const [r] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM fact_contacts');
    return { contacts: r!.n, pending: await factsPending(wh) };
  } finally {
    wh.close();
  }
}

describe('etl CLI, opening the database itself', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = tempDir('cli');
    db = path.join(dir, 'radar.duckdb');
  });

  it('exits 0 for a clean file and prints its summary', async () => {
    const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-clean.csv', CLEAN_CALLS), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(summaryRow(r.stdout, 'calls-clean.csv')?.slice(0, 7)).toEqual(['calls-clean.csv', 'loaded', '3', '3', '0', '0', '0']);
    expect(r.stdout).toMatch(/^total \(1 file\)\s+3\s+3\s+0\s+0\s+0\s+[\d.]+\s+1 loaded$/m);
    expect(r.stdout).not.toContain('etl rejects');
    // c3 has neither a customer id nor a caller: it is its own customer.
    expect(r.stdout).toMatch(/^facts: refreshed 3 customers, 0 tickets in \d+\.\d\d s$/m);
  }, T);

  it('exits 1 when a row is rejected, with the count and where to see it', async () => {
    const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-bad-row.csv', CALLS_WITH_BAD_ROW), '--db', db]);
    expect(r.code, r.stderr).toBe(1);
    expect(summaryRow(r.stdout, 'calls-bad-row.csv')?.slice(0, 7)).toEqual(['calls-bad-row.csv', 'loaded', '3', '2', '0', '1', '0']);
    expect(r.stdout).toContain('see: etl rejects --run 2');
  }, T);

  it('exits 1 for a refused file, naming the file and the line', async () => {
    const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-unreadable.csv', UNREADABLE_CALLS), '--db', db]);
    expect(r.code, r.stderr).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.startsWith('calls-unreadable.csv'));
    expect(line).toMatch(/refused\s+.*line 3/);
  }, T);

  it('exits 2 for usage errors, naming what is wrong', async () => {
    const verb = await runEtl(['frobnicate', '--db', db]);
    expect(verb.code).toBe(2);
    expect(verb.stderr).toContain("unknown verb 'frobnicate'");
    const kind = await runEtl(['load', 'cats', 'x.csv', '--db', db]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("unknown kind 'cats'");
    const file = await runEtl(['load', 'calls', path.join(dir, 'missing.csv'), '--db', db]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(`no such file: ${path.join(dir, 'missing.csv')}`);
    const option = await runEtl(['status', '--colour', '--db', db]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --colour');
  }, T);

  it('has --help for the command and each verb', async () => {
    const main = await runEtl(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Usage: etl <verb>');
    expect(main.stdout).toMatch(/^ {2}facts\s+bring the derived facts up to date/m);
    for (const verb of ['load', 'run', 'facts', 'status', 'rejects', 'demo']) {
      const r = await runEtl([verb, '--help']);
      expect(r.code, verb).toBe(0);
      expect(r.stdout, verb).toContain(`Usage: etl ${verb}`);
      expect(r.stdout, verb).toContain('SUPPORT_RADAR_DB');
    }
  }, T);

  it('shows recent runs and table counts with etl status', async () => {
    const r = await runEtl(['status', '--db', db, '--limit', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+3\s+\S+ \S+\s+calls\s+calls-unreadable\.csv\s+cli\s+refused/m);
    expect(r.stdout).toMatch(/^\s+2\s+\S+ \S+\s+calls\s+calls-bad-row\.csv\s+cli\s+loaded\s+3\s+2\s+0\s+1/m);
    expect(r.stdout).not.toContain('calls-clean.csv');
    expect(r.stdout).toContain('tables: calls 5 · ticket_events 0 · complaints 0 · etl_runs 3 · etl_rejects 1');
  }, T);

  it('shows rejected rows with etl rejects', async () => {
    const r = await runEtl(['rejects', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('run 2 (calls, calls-bad-row.csv): 1 rejected row');
    expect(r.stdout).toMatch(/line 3\s+answered_without_agent: agent_id is required/);
    expect(r.stdout).toContain('raw: {"call_id":"d2"');
  }, T);

  it('scans the inbox with etl run', async () => {
    const inbox = path.join(dir, 'inbox');
    writeFile(inbox, 'calls-dropped.csv', CLEAN_CALLS.replace(/^c(\d),/gm, 'n$1,'), 10_000);
    const r = await runEtl(['run', '--db', db, '--inbox', inbox]);
    expect(r.code, r.stderr).toBe(0);
    expect(summaryRow(r.stdout, 'calls-dropped.csv')?.slice(0, 4)).toEqual(['calls-dropped.csv', 'loaded', '3', '3']);
    expect(r.stdout).toMatch(/^facts: refreshed 3 customers, 0 tickets in /m);
    expect(fs.readdirSync(inbox)).toEqual(['loaded']);
  }, T);
});

describe('etl CLI and the derived facts', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = tempDir('cli-facts');
    db = path.join(dir, 'radar.duckdb');
  });

  it('refreshes the facts after a load and says what it recomputed', async () => {
    const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-two.csv', TWO_CUSTOMERS), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^facts: refreshed 2 customers, 0 tickets in \d+\.\d\d s$/);
    expect(await inspectFacts(db)).toEqual({ contacts: 2, pending: false });
  }, T);

  it('leaves the facts for later with --no-facts', async () => {
    const file = writeFile(dir, 'calls-m3.csv', `${CALLS_HEADER}\ng1,2026-03-10T11:00:00+08:00,recharge,1,,M3,,operation,,abandoned,9,,,,,\n`);
    const r = await runEtl(['load', 'calls', file, '--no-facts', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('facts: not refreshed (--no-facts); run etl facts');
    expect(await inspectFacts(db)).toEqual({ contacts: 2, pending: true });
  }, T);

  it('brings them up to date with etl facts, and recomputes all with --full', async () => {
    const r = await runEtl(['facts', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^facts: refreshed 1 customer, 0 tickets in \d+\.\d\d s\n$/);
    expect(await inspectFacts(db)).toEqual({ contacts: 3, pending: false });
    const full = await runEtl(['facts', '--full', '--db', db]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toMatch(/^facts: refreshed 3 customers, 0 tickets in /);
    expect(await inspectFacts(db)).toEqual({ contacts: 3, pending: false });
  }, T);

  it('has help for etl facts and --no-facts', async () => {
    const r = await runEtl(['facts', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: etl facts [--full]');
    expect(r.stdout).toContain('Bring the derived facts up to date with what loads touched; --full recomputes every fact.');
    expect(r.stdout).toMatch(/--full\s+recompute every fact/);
    const load = await runEtl(['load', '--help']);
    expect(load.stdout).toMatch(/--no-facts\s+do not bring the derived facts up to date/);
    const extra = await runEtl(['facts', 'now', '--db', db]);
    expect(extra.code).toBe(2);
  }, T);
});

describe('etl CLI while the server holds the database', () => {
  let dir: string;
  let db: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = tempDir('cli-locked');
    db = path.join(dir, 'radar.duckdb');
    server = await startServer(['--db', db, '--no-demo', '--scan-interval', '0']);
  }, T);
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  }, T);

  it('loads through the server with its token', async () => {
    const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-via-server.csv', CLEAN_CALLS), '--db', db]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stderr).toContain(`held by the Support Radar server at ${server.url}`);
    expect(summaryRow(r.stdout, 'calls-via-server.csv')?.slice(0, 4)).toEqual(['calls-via-server.csv', 'loaded', '3', '3']);
    // The server refreshed the facts after the load and streamed what it did.
    expect(r.stdout).toMatch(/^facts: refreshed 3 customers, 0 tickets in \d+\.\d\d s$/m);
    const status = await runEtl(['status', '--db', db]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/calls-via-server\.csv\s+api\s+loaded/);
  }, T);

  it('refreshes the facts through the server with etl facts', async () => {
    const r = await runEtl(['facts', '--db', db]);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^facts: refreshed 0 customers, 0 tickets in /);
    const full = await runEtl(['facts', '--full', '--db', db]);
    expect(full.code, full.stderr + full.stdout).toBe(0);
    expect(full.stdout).toMatch(/^facts: refreshed 3 customers, 0 tickets in /);
  }, T);

  it('exits 3 and says what to do when no server answers for the locked file', async () => {
    const runtime = `${db}.server.json`;
    fs.renameSync(runtime, `${runtime}.away`);
    try {
      const r = await runEtl(['load', 'calls', writeFile(dir, 'calls-2.csv', CLEAN_CALLS), '--db', db]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`The database ${db} is in use by another process and no Support Radar server answers for it.`);
      expect(r.stderr).toContain(`npm start -- --db ${db}`);
    } finally {
      fs.renameSync(`${runtime}.away`, runtime);
    }
  }, T);
});
