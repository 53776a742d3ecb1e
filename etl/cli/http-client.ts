/**
 * A minimal HTTP client over node:http for talking to the local server. Not
 * fetch: fetch (undici) gives up after 300 s without response headers or body
 * bytes, and a big scan or a long write phase can legitimately take longer;
 * node:http waits as long as the server works.
 */
import http from 'node:http';

export interface HttpResponse {
  status: number;
  body: AsyncIterable<Buffer>;
  text(): Promise<string>;
}

async function readAll(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * @example
 * const res = await httpRequest('GET', new URL('/api/health', 'http://127.0.0.1:8787/'));
 */
export function httpRequest(method: 'GET' | 'POST', url: URL, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers, ...(opts.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(opts.body)) }) };
    const req = http.request(url, { method, headers }, (res) => {
      resolve({ status: res.statusCode ?? 0, body: res, text: () => readAll(res) });
    });
    req.once('error', reject);
    req.end(opts.body);
  });
}
