import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, tempDir, removeTempDirs } from './support.ts';

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
});
