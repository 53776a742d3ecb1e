import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLS_WITH_BAD_ROW, CLEAN_CALLS, startServer, tempDir, UNREADABLE_CALLS, writeFile, type RunningServer, removeTempDirs } from '../server/support.ts';
import { runEtl, summaryRow } from './run-etl.ts';

afterAll(removeTempDirs);

const T = 60_000;

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
    for (const verb of ['load', 'run', 'status', 'rejects', 'demo']) {
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
    expect(fs.readdirSync(inbox)).toEqual(['loaded']);
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
    const status = await runEtl(['status', '--db', db]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/calls-via-server\.csv\s+api\s+loaded/);
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
