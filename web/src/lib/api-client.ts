/**
 * The one way the dashboard talks to the server: `fetch` with the bearer token,
 * an AbortSignal (a stale request is cancelled, not raced), and errors typed
 * from the server's `{ error: { status, message, parameter } }` body, so the
 * screen can say exactly what failed ("parameter to: must be after from").
 */

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** A failed request: the server's own words where it gave them. status 0 = no answer at all. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly parameter: string | null,
    /** Method and path asked for, for the error state ("GET /api/metrics/summary"). */
    readonly request: string,
  ) {
    super(message);
  }
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

/** `/api/x` + the non-empty query values, in the order given. */
export function urlOf(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface ErrorBody { error?: { status?: number; message?: string; parameter?: string } }

async function errorOf(res: Response, request: string): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's HTML page): the status line is all there is.
  }
  const message = body?.error?.message ?? (res.statusText || `HTTP ${res.status}`);
  return new ApiError(res.status, message, body?.error?.parameter ?? null, request);
}

export interface ApiClientOptions {
  token: () => string | null;
  /** Called on any 401, so the app can show the sign-in screen whatever page asked. */
  onUnauthorized?: (err: ApiError) => void;
  fetch?: typeof fetch;
}

export class ApiClient {
  constructor(private readonly opts: ApiClientOptions) {}

  get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    return this.send<T>('GET', urlOf(path, query), undefined, signal);
  }

  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>('POST', path, body, signal);
  }

  private async send<T>(method: string, url: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const request = `${method} ${url.split('?')[0]}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.opts.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new ApiError(0, (err as Error).message, null, request);
    }
    if (!res.ok) {
      const err = await errorOf(res, request);
      if (res.status === 401) this.opts.onUnauthorized?.(err);
      throw err;
    }
    return (await res.json()) as T;
  }
}
