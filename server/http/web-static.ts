/**
 * The built dashboard (`dist/web/`, vite's output) at `/`, with index.html for
 * any extension-less path so client-side routes survive a reload. Before the
 * first `npm run build:web` there is nothing to serve: a short page says so,
 * since a missing bundle is a setup step, not a server error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/project-root.ts';
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './app-env.ts';

export const DEFAULT_WEB_ROOT = path.join(projectRoot(), 'dist', 'web');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Support Radar</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Support Radar is running</h1>
<p>The dashboard has not been built yet. Run <code>npm run build:web</code> and reload this page.</p>
<p>The API is up: <a href="/api/health">/api/health</a>, documented at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
`;

/** A path whose last segment has a dot asks for a file; others are dashboard routes. */
function looksLikeFile(p: string): boolean {
  return path.posix.basename(p).includes('.');
}

export function serveWeb(root = DEFAULT_WEB_ROOT): MiddlewareHandler<AppEnv> {
  const index = path.join(root, 'index.html');
  // Created on first use: the bundle may be built after the server started.
  let files: MiddlewareHandler | undefined;
  let fallback: MiddlewareHandler | undefined;
  return async function serveWebMiddleware(c, next) {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    if (!fs.existsSync(index)) return c.html(NOT_BUILT);
    files ??= serveStatic({ root });
    fallback ??= serveStatic({ root, path: 'index.html' });
    const found = await files(c, async () => {});
    if (found) return found;
    if (looksLikeFile(c.req.path)) return next();
    return (await fallback(c, async () => {})) ?? next();
  };
}
