/**
 * A real app over a temporary database with the calendars and the default
 * policy set up as at start, an admin token and a viewer token (there are no
 * stored viewer tokens yet: the verifier knows one fixed test token).
 */
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import type { TokenVerifier } from '../../server/auth/roles.ts';
import { ensureCalendars } from '../../server/calendars/ensure-calendars.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { ensureDefaultPolicy } from '../../server/policies/policy-store.ts';
import { tempDir } from '../server/support.ts';

export const VIEWER_TOKEN = 'viewer-test-token';

/** A warehouse as the server has it after start: migrations, calendars, default policy. */
export async function policyWarehouse(label: string): Promise<{ dir: string; wh: Warehouse }> {
  const dir = tempDir(label);
  const wh = await Warehouse.open({ file: path.join(dir, 'radar.duckdb'), threads: 2 });
  await ensureCalendars(wh);
  await ensureDefaultPolicy(wh);
  return { dir, wh };
}

export async function policyApp(label: string) {
  const { dir, wh } = await policyWarehouse(label);
  const admin = createLocalAdminToken();
  const verify: TokenVerifier = (t) => (t === VIEWER_TOKEN ? { role: 'viewer', subject: 'test-viewer' } : admin.verify(t));
  const app = createApp({ wh, timeZone: 'Asia/Shanghai', inbox: path.join(dir, 'inbox'), verify, webRoot: path.join(dir, 'no-web') });
  const adminAuth = { Authorization: `Bearer ${admin.token}` };
  const viewerAuth = { Authorization: `Bearer ${VIEWER_TOKEN}` };
  const send = (method: 'PUT' | 'PATCH', body: unknown, auth: Record<string, string> = adminAuth) =>
    app.request('/api/settings/policies', { method, headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { dir, wh, app, adminAuth, viewerAuth, send };
}
