import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, urlOf } from '../../web/src/lib/api-client.ts';
import { describeError } from '../../web/src/lib/describe-error.ts';
import { translate } from '../../web/src/lib/i18n/translate.ts';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ApiClient', () => {
  it('sends the bearer token and leaves empty query values out', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json(200, { ok: true }));
    const api = new ApiClient({ token: () => 'tok', fetch });
    await api.get('/api/metrics/summary', { from: '2026-10-01', to: '2026-10-08', channel: undefined, queue: '' });
    expect(fetch).toHaveBeenCalledWith('/api/metrics/summary?from=2026-10-01&to=2026-10-08', expect.objectContaining({ method: 'GET' }));
    const init = fetch.mock.calls[0]![1]!;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('turns the server\'s error body into a typed error naming the parameter', async () => {
    const api = new ApiClient({ token: () => null, fetch: async () => json(400, { error: { status: 400, message: 'must be after from', parameter: 'to' } }) });
    const err = await api.get('/api/metrics/series', { from: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, message: 'must be after from', parameter: 'to', request: 'GET /api/metrics/series' });
    expect(describeError(err, (k, p) => translate('en', k, p))).toBe('GET /api/metrics/series → 400: must be after from (parameter to)');
  });

  it('reports a 401 to the app, whatever page asked', async () => {
    const onUnauthorized = vi.fn();
    const api = new ApiClient({ token: () => 'old', onUnauthorized, fetch: async () => json(401, { error: { status: 401, message: 'token expired' } }) });
    await expect(api.get('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('says when the server could not be reached at all', async () => {
    const api = new ApiClient({ token: () => null, fetch: async () => { throw new TypeError('Failed to fetch'); } });
    const err = await api.get('/api/health').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0 });
    expect(describeError(err, (k, p) => translate('zh', k, p))).toBe('GET /api/health: 无法连接服务器：Failed to fetch');
  });

  it('passes an abort through untouched, so callers can ignore it', async () => {
    const controller = new AbortController();
    controller.abort();
    const api = new ApiClient({ token: () => null, fetch: async (_u, init) => { init?.signal?.throwIfAborted(); return json(200, {}); } });
    const err = await api.get('/api/x', {}, controller.signal).catch((e: unknown) => e);
    expect((err as DOMException).name).toBe('AbortError');
  });

  it('builds URLs with encoded values', () => {
    expect(urlOf('/api/cases', { metric: 'fcr', 'cf.channel': 'a b', page: 2, unmask: false })).toBe('/api/cases?metric=fcr&cf.channel=a+b&page=2&unmask=false');
  });
});
