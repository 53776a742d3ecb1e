/** A real app over a temporary database, as the route tests use it. */
import path from 'node:path';
import { createApp } from '../../server/app.ts';
import { createLocalAdminToken } from '../../server/auth/local-token.ts';
import { Warehouse } from '../../server/db/warehouse.ts';
import { tempDir } from './support.ts';

export const TZ = 'Asia/Shanghai';

export async function appFixture(label: string, opts: { webRoot?: string } = {}) {
  const dir = tempDir(label);
  const wh = await Warehouse.open({ file: path.join(dir, 'radar.duckdb') });
  const admin = createLocalAdminToken();
  const inbox = path.join(dir, 'inbox');
  const app = createApp({ wh, timeZone: TZ, inbox, verify: admin.verify, webRoot: opts.webRoot ?? path.join(dir, 'no-web') });
  const auth = { Authorization: `Bearer ${admin.token}` };
  return { dir, wh, app, inbox, token: admin.token, auth };
}
