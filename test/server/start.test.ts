import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factsPending } from '../../etl/facts/refresh-facts.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { runEtl } from '../cli/run-etl.ts';
import { CLEAN_CALLS, startServer, tempDir, removeTempDirs, writeFile } from './support.ts';

afterAll(removeTempDirs);

describe('npm start (server/main.ts)', () => {
  it('starts on an empty folder, writes its runtime file, and exits 0 on SIGTERM leaving none', async () => {
    const dir = tempDir('start');
    const db = path.join(dir, 'x.duckdb');
    const server = await startServer(['--db', db, '--no-demo'], 30_000);
    try {
      expect(server.output()).toContain(`Support Radar is running at ${server.url}`);
      const runtime = `${db}.server.json`;
      const info = JSON.parse(fs.readFileSync(runtime, 'utf8')) as { url: string; pid: number; token: string; db: string };
      expect(info).toMatchObject({ url: server.url, pid: expect.any(Number), db });
      expect(info.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fs.statSync(runtime).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dir, 'inbox')).isDirectory()).toBe(true);
      const runs = await fetch(new URL('/api/etl/runs', server.url), { headers: { Authorization: `Bearer ${info.token}` } });
      expect(runs.status).toBe(200);
    } finally {
      const code = await server.stop();
      expect(code, server.output()).toBe(0);
    }
    expect(fs.existsSync(`${db}.server.json`)).toBe(false);
  }, 60_000);

  it('brings the facts up to date at start for loads the CLI made without refreshing', async () => {
    const dir = tempDir('start-facts');
    const db = path.join(dir, 'x.duckdb');
    const load = await runEtl(['load', 'calls', writeFile(dir, 'calls.csv', CLEAN_CALLS), '--no-facts', '--db', db]);
    expect(load.code, load.stderr).toBe(0);
    const server = await startServer(['--db', db, '--no-demo', '--scan-interval', '0'], 30_000);
    try {
      expect(server.output()).toMatch(/^facts: refreshed 3 customers, 0 tickets in \d+\.\d\d s$/m);
      // Before listening: the refresh is logged ahead of the running line.
      expect(server.output().indexOf('facts: refreshed')).toBeLessThan(server.output().indexOf('Support Radar is running'));
    } finally {
      expect(await server.stop(), server.output()).toBe(0);
    }
    const wh = await Warehouse.open({ file: db });
    try {
      expect(await factsPending(wh)).toBe(false);
      const [r] = await wh.query<{ n: number }>('SELECT count(*) AS n FROM fact_contacts');
      expect(r!.n).toBe(3);
    } finally {
      wh.close();
    }
  }, 60_000);

  it('logs nothing about facts when none are pending', async () => {
    const dir = tempDir('start-clean');
    const server = await startServer(['--db', path.join(dir, 'x.duckdb'), '--no-demo', '--scan-interval', '0'], 30_000);
    try {
      expect(server.output()).not.toContain('facts:');
    } finally {
      expect(await server.stop(), server.output()).toBe(0);
    }
  }, 60_000);
});
