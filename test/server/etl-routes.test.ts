import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factsPending, type FactsRefresh } from '../../etl/facts/refresh-facts.ts';
import type { InboxEntry } from '../../etl/inbox/scan-inbox.ts';
import type { RejectsPage, RunSummary } from '../../etl/load/run-log-queries.ts';
import { appFixture } from './app-fixture.ts';
import { CALLS_WITH_BAD_ROW, CLEAN_CALLS, writeFile, removeTempDirs } from './support.ts';

afterAll(removeTempDirs);

type Fx = Awaited<ReturnType<typeof appFixture>>;

function postJson(fx: Fx, route: string, body: unknown, headers: Record<string, string> = fx.auth) {
  return fx.app.request(route, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function ndjson(res: Response): Promise<Array<Record<string, unknown>>> {
  return (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('ETL routes', () => {
  let fx: Fx;
  beforeAll(async () => {
    fx = await appFixture('etl-routes');
  });
  afterAll(() => fx.wh.close());

  it('refuses requests without a valid admin token', async () => {
    const none = await fx.app.request('/api/etl/runs');
    expect(none.status).toBe(401);
    expect(none.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(await none.json()).toMatchObject({ error: { status: 401 } });
    const wrong = await fx.app.request('/api/etl/runs', { headers: { Authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    expect((await postJson(fx, '/api/etl/scan', {}, {})).status).toBe(401);
    expect((await postJson(fx, '/api/etl/facts', {}, {})).status).toBe(401);
  });

  it('names the bad parameter in a 400', async () => {
    const kind = await postJson(fx, '/api/etl/load', { kind: 'cats', files: ['x.csv'] });
    expect(kind.status).toBe(400);
    expect(await kind.json()).toMatchObject({ error: { status: 400, parameter: 'kind' } });
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'limit=']) {
      const res = await fx.app.request(`/api/etl/runs?${q}`, { headers: fx.auth });
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toMatchObject({ error: { parameter: 'limit' } });
    }
    const offset = await fx.app.request('/api/etl/rejects?offset=-1', { headers: fx.auth });
    expect(await offset.json()).toMatchObject({ error: { parameter: 'offset' } });
    const missing = await postJson(fx, '/api/etl/load', { kind: 'calls', files: [path.join(fx.dir, 'nope.csv')] });
    expect(await missing.json()).toMatchObject({ error: { parameter: 'files[0]' } });
    const end = await postJson(fx, '/api/etl/demo', { days: 1, end: 'yesterday' });
    expect(await end.json()).toMatchObject({ error: { parameter: 'end' } });
    const full = await postJson(fx, '/api/etl/facts', { full: 'yes' });
    expect(full.status).toBe(400);
    expect(await full.json()).toMatchObject({ error: { parameter: 'full' } });
    const notJson = await fx.app.request('/api/etl/load', { method: 'POST', headers: fx.auth, body: 'kind=calls' });
    expect(await notJson.json()).toMatchObject({ error: { status: 400, parameter: 'body' } });
  });

  it('streams NDJSON progress, one result per file, then the facts refresh', async () => {
    const clean = writeFile(fx.dir, 'calls-clean.csv', CLEAN_CALLS);
    const bad = writeFile(fx.dir, 'calls-bad.csv', CALLS_WITH_BAD_ROW);
    const res = await postJson(fx, '/api/etl/load', { kind: 'calls', files: [clean, bad] });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/x-ndjson/);
    const lines = await ndjson(res);
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.phase)).toContain('write');
    const results = lines.filter((l) => l.type === 'result');
    expect(results).toMatchObject([
      { file: clean, status: 'loaded', read: 3, loaded: 3, rejected: 0 },
      { file: bad, status: 'loaded', read: 3, loaded: 2, rejected: 1 },
    ]);
    // One refresh after both files: 5 valid calls, each its own customer (c3 has no customer id nor caller).
    expect(lines.at(-1)).toEqual({ type: 'facts', customers: 5, tickets: 0, ms: expect.any(Number) });
    expect(lines.filter((l) => l.type === 'facts')).toHaveLength(1);
    const [contacts] = await fx.wh.query<{ n: number }>('SELECT count(*) AS n FROM fact_contacts');
    expect(contacts!.n).toBe(5);
    expect(await factsPending(fx.wh)).toBe(false);
  });

  it('refreshes the derived facts on POST /api/etl/facts: nothing left after a load, everything with full', async () => {
    const none = await postJson(fx, '/api/etl/facts', {});
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ customers: 0, tickets: 0, ms: expect.any(Number) });
    const full = await postJson(fx, '/api/etl/facts', { full: true });
    expect(full.status).toBe(200);
    expect(await full.json()).toEqual({ customers: 5, tickets: 0, ms: expect.any(Number) });
  });


  it('lists runs newest first and the rejects of the newest run that has any', async () => {
    const runs = (await (await fx.app.request('/api/etl/runs?limit=10', { headers: fx.auth })).json()) as { runs: RunSummary[] };
    expect(runs.runs.map((r) => r.fileName)).toEqual(['calls-bad.csv', 'calls-clean.csv']);
    expect(runs.runs[0]).toMatchObject({ trigger: 'api', status: 'loaded', rejected: 1 });
    const page = (await (await fx.app.request('/api/etl/rejects', { headers: fx.auth })).json()) as RejectsPage;
    expect(page.run?.fileName).toBe('calls-bad.csv');
    expect(page.total).toBe(1);
    expect(page.rejects[0]).toMatchObject({ line: 3, rule: 'answered_without_agent', raw: { call_id: 'd2' } });
    const other = (await (await fx.app.request(`/api/etl/rejects?run=${runs.runs[1]!.runId}`, { headers: fx.auth })).json()) as RejectsPage;
    expect(other).toMatchObject({ total: 0, rejects: [] });
  });

  it('does not refresh after a load that changed nothing', async () => {
    const res = await postJson(fx, '/api/etl/load', { kind: 'calls', files: [path.join(fx.dir, 'calls-clean.csv')] });
    const lines = await ndjson(res);
    expect(lines.at(-1)).toMatchObject({ type: 'result', status: 'unchanged' });
    expect(lines.some((l) => l.type === 'facts')).toBe(false);
  });

  it('scans the inbox: loads ready files, sets aside unknown ones, leaves unfinished ones', async () => {
    const old = 10_000;
    writeFile(fx.inbox, 'calls-inbox.csv', CLEAN_CALLS.replace(/^c(\d),/gm, 'k$1,'), old);
    writeFile(fx.inbox, 'complaints/export.csv', 'complaint_id,received_at,source\nX1,2026-03-08T10:00:00+08:00,12315\n', old);
    writeFile(fx.inbox, 'notes.txt', 'hello', old);
    writeFile(fx.inbox, 'calls-copying.csv.part', CLEAN_CALLS, old);
    writeFile(fx.inbox, 'calls-fresh.csv', CLEAN_CALLS);
    const res = await fx.app.request('/api/etl/scan', { method: 'POST', headers: fx.auth });
    const { entries, facts } = (await res.json()) as { entries: InboxEntry[]; facts: FactsRefresh | null };
    // calls-inbox.csv: 3 calls; export.csv: complaint X1 keyed by itself.
    expect(facts).toEqual({ customers: 4, tickets: 0, ms: expect.any(Number) });
    const byName = Object.fromEntries(entries.map((e) => [path.basename(e.file), e]));
    expect(Object.keys(byName).sort()).toEqual(['calls-inbox.csv', 'export.csv', 'notes.txt']);
    expect(byName['calls-inbox.csv']).toMatchObject({ kind: 'calls', status: 'loaded', load: { loaded: 3 } });
    expect(byName['calls-inbox.csv']!.movedTo).toMatch(/[/\\]loaded[/\\]\d{4}-\d{2}-\d{2}[/\\]calls-inbox\.csv$/);
    expect(byName['export.csv']).toMatchObject({ kind: 'complaints', status: 'loaded' });
    expect(byName['notes.txt']).toMatchObject({ kind: null, status: 'refused', load: null });
    expect(byName['notes.txt']!.error!.message).toMatch(/cannot tell what notes\.txt holds/);
    expect(fs.existsSync(path.join(fx.inbox, 'refused', 'notes.txt'))).toBe(true);
    expect(fs.readdirSync(fx.inbox).sort()).toEqual(['calls-copying.csv.part', 'calls-fresh.csv', 'complaints', 'loaded', 'refused']);
  });

  it('generates demo data into the inbox and loads only those files', async () => {
    const res = await postJson(fx, '/api/etl/demo', { days: 2, seed: 3, end: '2026-03-01T00:00:00+08:00' });
    expect(res.status).toBe(200);
    const { files, entries, facts } = (await res.json()) as { files: Array<{ kind: string; path: string }>; entries: InboxEntry[]; facts: FactsRefresh | null };
    expect(facts?.tickets).toBeGreaterThan(0);
    expect(facts?.customers).toBeGreaterThan(0);
    expect(await factsPending(fx.wh)).toBe(false);
    expect(new Set(files.map((f) => f.kind))).toEqual(new Set(['calls', 'ticket_events', 'complaints']));
    expect(entries.map((e) => e.file).sort()).toEqual(files.map((f) => f.path).sort());
    for (const e of entries) {
      expect(e.status, e.file).toBe('loaded');
      expect(fs.existsSync(e.movedTo!)).toBe(true);
    }
    // The fresh file dropped by someone else is not the demo's: still waiting in the inbox.
    expect(fs.existsSync(path.join(fx.inbox, 'calls-fresh.csv'))).toBe(true);
    const runs = (await (await fx.app.request('/api/etl/runs?limit=1', { headers: fx.auth })).json()) as { runs: RunSummary[] };
    expect(runs.runs[0]?.trigger).toBe('demo');
  }, 60_000);
});

