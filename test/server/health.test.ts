import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../etl/load/load-file.ts';
import type { HealthBody } from '../../server/routes/health.ts';
import { appFixture, TZ } from './app-fixture.ts';
import { CALLS_WITH_BAD_ROW, CLEAN_CALLS, tempDir, writeFile, removeTempDirs } from './support.ts';

afterAll(removeTempDirs);

describe('GET /api/health', () => {
  let fx: Awaited<ReturnType<typeof appFixture>>;
  beforeAll(async () => {
    fx = await appFixture('health');
  });
  afterAll(() => fx.wh.close());

  it('answers without a token on an empty database', async () => {
    const res = await fx.app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthBody;
    expect(body.status).toBe('ok');
    expect(body.tables).toEqual({ calls: 0, ticket_events: 0, complaints: 0, etl_runs: 0, etl_rejects: 0 });
    expect(body.lastRun).toBeNull();
    expect(body.timeZone).toBe(TZ);
    expect(body.database.file).toBe(fx.wh.file);
    expect(body.database.bytes).toBeGreaterThan(0);
    expect(body.metricSnapshots).toEqual({ current: false, horizon: null, builtAt: null });
  });

  it('counts the rows of a real load and shows the last run', async () => {
    await loadFile(fx.wh, { kind: 'calls', file: writeFile(fx.dir, 'calls-1.csv', CLEAN_CALLS), trigger: 'cli', timeZone: TZ });
    const second = await loadFile(fx.wh, { kind: 'calls', file: writeFile(fx.dir, 'calls-2.csv', CALLS_WITH_BAD_ROW), trigger: 'cli', timeZone: TZ });
    const body = (await (await fx.app.request('/api/health')).json()) as HealthBody;
    expect(body.tables).toEqual({ calls: 5, ticket_events: 0, complaints: 0, etl_runs: 2, etl_rejects: 1 });
    expect(body.lastRun).toMatchObject({ runId: second.runId, kind: 'calls', fileName: 'calls-2.csv', status: 'loaded', read: 3, loaded: 2, rejected: 1 });
  });
});

describe('the rest of the app', () => {
  let fx: Awaited<ReturnType<typeof appFixture>>;
  let web: string;
  beforeAll(async () => {
    web = tempDir('web');
    fx = await appFixture('app', { webRoot: web });
  });
  afterAll(() => fx.wh.close());

  it('serves an OpenAPI 3.1 document listing every API route of the app', async () => {
    const doc = (await (await fx.app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    // Every method and path the app routes (middleware-only entries aside), in OpenAPI's {param} form.
    const routed = new Set(
      fx.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    expect([...documented].sort()).toEqual([...routed].sort());
    expect(documented).toContain('get /api/metrics/summary');
    expect(documented).toContain('get /api/cases/{kind}/{id}');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await fx.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { status: 404 } });
  });

  it('says to build the dashboard when dist/web is missing, then serves it with an index fallback', async () => {
    const before = await fx.app.request('/');
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('npm run build:web');
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>radar</title>');
    writeFile(web, 'assets/app.js', 'console.log(1)');
    expect(await (await fx.app.request('/')).text()).toContain('<title>radar</title>');
    expect(await (await fx.app.request('/trends/calls')).text()).toContain('<title>radar</title>');
    expect(await (await fx.app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect((await fx.app.request('/assets/missing.js')).status).toBe(404);
    expect((await fx.app.request('/', { method: 'POST' })).status).toBe(404);
  });

  it('gzips a large asset and JSON for a client that accepts it, and leaves NDJSON alone', async () => {
    const big = `export const x = ${JSON.stringify('radar '.repeat(2000))};`;
    writeFile(web, 'assets/big.js', big);
    const res = await fx.app.request('/assets/big.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const unzipped = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(unzipped).toBe(big);
    const plain = await fx.app.request('/assets/big.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const doc = await fx.app.request('/api/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(doc.headers.get('Content-Encoding')).toBe('gzip');
  });
});
