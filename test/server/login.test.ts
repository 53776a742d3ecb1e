import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import { anyOf, LoginSessions } from '../../server/auth/login-sessions.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { removeTempDirs, startServer, tempDir } from './support.ts';

afterAll(removeTempDirs);

const json = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('one-time login link', () => {
  it('trades a code once for a session that reads the API, then issues a new code; logout ends it', async () => {
    const dir = tempDir('login');
    const wh = await Warehouse.open({ file: path.join(dir, 'radar.duckdb') });
    let now = Date.parse('2026-11-22T00:00:00Z');
    const codes: string[] = [];
    const login = new LoginSessions({ onCode: (c) => codes.push(c), ttlMs: 3600_000, now: () => now });
    const admin = createLocalAdminToken();
    const app = createApp({ wh, timeZone: 'Asia/Shanghai', inbox: path.join(dir, 'inbox'), verify: anyOf(admin.verify, login.verify), login });
    try {
      const first = login.issueCode();
      expect(codes).toEqual([first]);
      expect((await app.request('/api/auth/login', json({ code: 'nope' }))).status).toBe(401);
      const res = await app.request('/api/auth/login', json({ code: first }));
      expect(res.status).toBe(200);
      const session = (await res.json()) as { token: string; role: string; expires_at: string };
      expect(session.role).toBe('admin');
      expect(session.expires_at).toBe('2026-11-22T01:00:00.000Z');
      expect(codes).toHaveLength(2);
      // The used code is refused; the new one works.
      expect((await app.request('/api/auth/login', json({ code: first }))).status).toBe(401);
      const auth = { Authorization: `Bearer ${session.token}` };
      const me = await app.request('/api/auth/me', { headers: auth });
      expect(await me.json()).toEqual({ role: 'admin', subject: 'local-admin' });
      expect((await app.request('/api/metrics/definitions', { headers: auth })).status).toBe(200);
      // Expiry: one hour later the session is gone.
      now += 3600_000;
      expect((await app.request('/api/auth/me', { headers: auth })).status).toBe(401);
      const second = (await (await app.request('/api/auth/login', json({ code: codes[1] }))).json()) as { token: string };
      const auth2 = { Authorization: `Bearer ${second.token}` };
      expect(await (await app.request('/api/auth/logout', { method: 'POST', headers: auth2 })).json()).toEqual({ ended: true });
      expect((await app.request('/api/auth/me', { headers: auth2 })).status).toBe(401);
      expect((await app.request('/api/auth/login', json({}))).status).toBe(400);
    } finally {
      wh.close();
    }
  });

  it('npm start prints a link whose code signs the browser in', async () => {
    const dir = tempDir('login-start');
    const server = await startServer(['--db', path.join(dir, 'x.duckdb'), '--no-demo', '--scan-interval', '0'], 30_000);
    try {
      const link = /one-time login link\): (\S+)/.exec(server.output())?.[1];
      expect(link).toBeDefined();
      const url = new URL(link!);
      expect(url.origin + '/').toBe(server.url);
      const res = await fetch(new URL('/api/auth/login', server.url), json({ code: url.searchParams.get('login') }));
      expect(res.status).toBe(200);
    } finally {
      expect(await server.stop(), server.output()).toBe(0);
    }
  }, 60_000);
});
