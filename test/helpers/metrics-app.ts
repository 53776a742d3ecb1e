/**
 * A real app over a temporary warehouse for the metric tests: write fixture
 * files, load them as the CLI would, bring the facts up to date, and GET the API
 * with an admin, compliance or viewer token. No mocks.
 *
 *   const m = useMetricsApp();
 *   await m.loadText('calls', 'calls.csv', lines(CALLS_HEADER, 'c1,...'));
 *   const body = await m.get('/api/metrics/summary?from=2026-03-01&to=2026-03-02&as_of=2026-03-10T00:00:00%2B08:00');
 */
import path from 'node:path';
import { expect } from 'vitest';
import { refreshFacts } from '../../etl/facts/refresh-facts.ts';
import type { SourceKind } from '../../etl/sources/index.ts';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import type { TokenVerifier } from '../../server/auth/roles.ts';
import { useTempWarehouse } from './temp-warehouse.ts';

export const VIEWER = { Authorization: 'Bearer metrics-viewer' };
export const COMPLIANCE = { Authorization: 'Bearer metrics-compliance' };

export function useMetricsApp(scope: 'each' | 'file' = 'each') {
  const t = useTempWarehouse(scope);
  const admin = createLocalAdminToken();
  const ADMIN = { Authorization: `Bearer ${admin.token}` };
  const verify: TokenVerifier = (token) =>
    token === 'metrics-viewer' ? { role: 'viewer', subject: 'test-viewer' }
    : token === 'metrics-compliance' ? { role: 'compliance', subject: 'test-compliance' }
    : admin.verify(token);
  const app = () => createApp({ wh: t.wh, timeZone: 'Asia/Shanghai', inbox: t.path('inbox'), verify, webRoot: path.join(t.dir, 'no-web') });

  return {
    t,
    ADMIN,
    /** Writes a file into the warehouse's folder and loads it (platform zone Asia/Shanghai); expects no rejects. */
    async loadText(kind: SourceKind, name: string, text: string): Promise<void> {
      t.writeFile(name, text);
      const r = await t.load(kind, name);
      expect(r.rejected, `rejects in ${name}: ${JSON.stringify(await t.rejects())}`).toBe(0);
    },
    refresh: () => refreshFacts(t.wh),
    /** GET an API path; expects `status` (default 200) and returns the JSON body. */
    async get<T = any>(pathAndQuery: string, opts: { status?: number; auth?: Record<string, string> } = {}): Promise<T> {
      const res = await app().request(pathAndQuery, { headers: opts.auth ?? ADMIN });
      const body = (await res.json()) as T;
      expect(res.status, `${pathAndQuery} -> ${JSON.stringify(body)}`).toBe(opts.status ?? 200);
      return body;
    },
    /** PUT/PATCH JSON as admin. */
    async send<T = any>(method: 'PUT' | 'PATCH', pathAndQuery: string, body: unknown, status = 200): Promise<T> {
      const res = await app().request(pathAndQuery, { method, headers: { ...ADMIN, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const out = (await res.json()) as T;
      expect(res.status, `${method} ${pathAndQuery} -> ${JSON.stringify(out)}`).toBe(status);
      return out;
    },
  };
}

/** URL query string from an object (undefined values left out). */
export function qs(params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.set(k, String(v));
  return u.toString();
}
