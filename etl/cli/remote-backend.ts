/**
 * The CLI as a client of the server that holds the database: the same verbs over
 * the ETL API, authenticated with the admin token from `<db>.server.json`. The
 * server reads the files itself, so paths are sent absolute. The server brings
 * the derived facts up to date after every load, scan and demo itself (there is
 * no skipping it there); what it reports is passed on.
 */
import type { RuntimeInfo } from '../../server/config/runtime-file.ts';
import type { DemoRun, LoadEvent, ScanRun } from '../../server/etl-jobs/etl-jobs.ts';
import type { RejectsPage, RunSummary, TableCounts } from '../load/run-log-queries.ts';
import type { LoadResult } from '../load/load-file.ts';
import type { EtlBackend, FactsOutcome, FactsRefresh, LoadRequest, ProgressCallback } from './backend.ts';
import { DatabaseUnavailableError } from './backend.ts';
import { httpRequest, type HttpResponse } from './http-client.ts';

/** A request the server refused or failed; carries its message. */
export class ServerError extends Error {
  override name = 'ServerError';
}

async function* ndjsonLines(body: AsyncIterable<Buffer>): AsyncGenerator<unknown> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield JSON.parse(line);
    }
  }
  if (buffered.trim()) yield JSON.parse(buffered);
}

export class RemoteBackend implements EtlBackend {
  readonly mode = 'server';

  constructor(private readonly server: RuntimeInfo) {}

  async #call(method: 'GET' | 'POST', route: string, body?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.server.token}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await httpRequest(method, new URL(route, this.server.url), { headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status >= 200 && res.status < 300) return res;
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error: { message: string } }).error.message;
    } catch {
      // Not our JSON error shape: show the text as it came.
    }
    if (res.status === 401) throw new DatabaseUnavailableError(`the server at ${this.server.url} refused the token in its runtime file (${message})`);
    throw new ServerError(`the server answered ${res.status}: ${message}`);
  }

  async #json<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    return JSON.parse(await (await this.#call(method, route, body)).text()) as T;
  }

  async load(req: LoadRequest, onProgress: ProgressCallback): Promise<{ results: LoadResult[]; facts: FactsOutcome }> {
    const res = await this.#call('POST', '/api/etl/load', req);
    const results: LoadResult[] = [];
    let facts: FactsOutcome = null;
    for await (const line of ndjsonLines(res.body)) {
      const e = line as LoadEvent | { type: 'error'; message: string };
      if (e.type === 'progress') onProgress(e.file, { phase: e.phase, fraction: e.fraction });
      else if (e.type === 'result') results.push(withoutType(e));
      else if (e.type === 'facts') facts = { tickets: e.tickets, customers: e.customers, ms: e.ms };
      else throw new ServerError(`the server stopped the load: ${e.message}`);
    }
    return { results, facts };
  }

  async scan(): Promise<{ entries: ScanRun['entries']; facts: FactsOutcome }> {
    const { entries, facts } = await this.#json<ScanRun>('POST', '/api/etl/scan');
    return { entries, facts: facts ?? null };
  }

  async demo(opts: { days: number; seed: number; end: Date }): Promise<DemoRun> {
    const run = await this.#json<DemoRun>('POST', '/api/etl/demo', { days: opts.days, seed: opts.seed, end: opts.end.toISOString() });
    return { ...run, facts: run.facts ?? null };
  }

  refreshFacts(full: boolean): Promise<FactsRefresh> {
    return this.#json('POST', '/api/etl/facts', { full });
  }

  async runs(limit: number): Promise<RunSummary[]> {
    return (await this.#json<{ runs: RunSummary[] }>('GET', `/api/etl/runs?limit=${limit}`)).runs;
  }

  async counts(): Promise<TableCounts> {
    return (await this.#json<{ tables: TableCounts }>('GET', '/api/health')).tables;
  }

  rejects(q: { run?: number | undefined; limit: number; offset: number }): Promise<RejectsPage> {
    const params = new URLSearchParams({ limit: String(q.limit), offset: String(q.offset) });
    if (q.run !== undefined) params.set('run', String(q.run));
    return this.#json('GET', `/api/etl/rejects?${params}`);
  }

  close(): void {}
}

function withoutType(e: { type: 'result' } & LoadResult): LoadResult {
  const { type: _type, ...result } = e;
  return result;
}
