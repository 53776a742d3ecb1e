/**
 * The browser tests' harness: the real dashboard bundle, served by the real server
 * over the hand-made fixture warehouse (./fixture.ts), in Debian's Chromium.
 *
 *   const d = useDashboard();                     // beforeAll / afterAll of the file
 *   it('...', async () => {
 *     const p = await d.openPage('/', { width: 1280 });   // signed in via a one-time link
 *     await waitForCharts(p.page);
 *     expect(await chartsInsideCards(p.page)).toEqual([]);
 *     await screenshot(p.page, 'overview-1280');
 *     expect(p.errors).toEqual([]);
 *     const body = await d.apiGet('/api/metrics/summary?...', { page: p.page });
 *   });
 *
 * useDashboard's beforeAll: Chromium present (else a failure saying how to install
 * it) -> dist/web built from the current sources (./web-build.ts) -> fixture
 * warehouse in a temporary folder -> `node --import tsx server/main.ts --db <it>
 * --no-demo --scan-interval 0 --port 0` as a child process -> Chromium launched.
 * afterAll: pages, browser, server (SIGTERM; a non-zero exit fails the file),
 * temporary folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ROOT, waitForHealth, type RunningServer } from '../server/support.ts';
import { launchChromium, requireChromium } from './browser.ts';
import { buildFixtureDatabase, FIXTURE_TIME_ZONE } from './fixture.ts';
import { ensureWebBuilt } from './web-build.ts';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

/** beforeAll's budget: a cold vite build, the fixture load and a tsx server start on a busy 2-core machine. */
const SETUP_TIMEOUT_MS = 240_000;
const LOGIN_TIMEOUT_MS = 15_000;
/** How long sessionToken looks for the token the dashboard stores after its login POST. */
const SESSION_TOKEN_WAIT_MS = 5_000;

/** Where the dashboard keeps its session token (web/src/state/session.svelte.ts); tried first, then every other entry. */
export const DASHBOARD_TOKEN_KEY = 'support-radar.token';

const LINK_RE = /Open the dashboard \(one-time login link\): (\S+)/g;

export interface OpenPageOptions {
  /** Viewport width in CSS pixels; default 1280. */
  width?: number;
  /** Viewport height; default 800. */
  height?: number;
  /** Open with `?login=<newest code>` and wait for the dashboard's POST /api/auth/login; default true. */
  login?: boolean;
  /** Browser locale (navigator.language); default 'zh-CN'. */
  locale?: string;
  /** Browser time zone; default the machine's (UTC in CI), so a dashboard that leans on the browser's zone shows it. */
  timezoneId?: string;
  /** Runs on the new page before it navigates: routes, init scripts (e.g. hooks on ECharts' `finished`). */
  setup?: (page: Page) => Promise<void> | void;
}

export interface LoginExchange {
  /** Status of the dashboard's POST /api/auth/login. */
  status: number;
  /** The code the page was opened with. */
  code: string;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors so far (a live array), each with its source. */
  errors: string[];
  /** The login exchange the page made (null when opened with login: false). */
  login: LoginExchange | null;
  close(): Promise<void>;
}

export interface ApiGetOptions {
  /** Use this page's session token (from its localStorage); default a session of the harness's own. */
  page?: Page;
  /** Expected status; default 200. */
  status?: number;
}

export interface Dashboard {
  /** The server's base URL, `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** The fixture's DuckDB file (owned by the server while it runs). */
  readonly db: string;
  readonly browser: Browser;
  /** Everything the server printed so far. */
  serverOutput(): string;
  /**
   * A new browser context (fresh localStorage) and page at `path` (e.g. '/',
   * '/phone?from=2026-10-12'), signed in through a one-time login link unless
   * `login: false`; throws when the dashboard does not exchange the code.
   */
  openPage(path?: string, opts?: OpenPageOptions): Promise<OpenedPage>;
  /** GET an API path with a session token; throws unless the status is `opts.status` (200); returns the JSON body. */
  apiGet<T = any>(path: string, opts?: ApiGetOptions): Promise<T>;
  /** The session token a signed-in page keeps in its localStorage (validated with GET /api/auth/me). */
  sessionToken(page: Page): Promise<string>;
}

export interface UseDashboardOptions {
  /** Build dist/web before starting (default true); the harness's own test routes a stand-in page instead. */
  webBundle?: boolean;
}

/**
 * Registers the harness for the calling test file (one server, one browser, one
 * fixture warehouse for all its tests) and returns it; use it inside tests only.
 */
export function useDashboard(options: UseDashboardOptions = {}): Dashboard {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dir: string | undefined;
  let db = '';
  const opened = new Set<OpenedPage>();
  /** Codes the server has accepted: it prints a new one after each. */
  const spent = new Set<string>();
  /** One login at a time: the server holds a single valid code. */
  let loginQueue: Promise<unknown> = Promise.resolve();
  let ownToken: string | undefined;
  let pageTokenKey: string | undefined;

  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the e2e harness has no ${what}: use it inside a test (its beforeAll failed or has not run)`);
    return v;
  };

  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = loginQueue.then(fn, fn);
    loginQueue = run.catch(() => {});
    return run;
  }

  /** The code of the newest link the server printed, once it is one not yet spent. */
  async function freshCode(): Promise<string> {
    const s = need(server, 'server');
    const until = Date.now() + 10_000;
    for (;;) {
      const links = [...s.output().matchAll(LINK_RE)];
      const newest = links.at(-1)?.[1];
      const code = newest ? new URL(newest).searchParams.get('login') : null;
      if (code && !spent.has(code)) return code;
      if (Date.now() > until) throw new Error(`the server printed no unused login link within 10 s:\n${s.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function apiFetch(p: string, token: string): Promise<Response> {
    return fetch(new URL(p, need(server, 'server').url), { headers: { Authorization: `Bearer ${token}` } });
  }

  /** A session for the harness itself: POST /api/auth/login with the newest code, as the dashboard does. */
  function harnessToken(): Promise<string> {
    if (ownToken) return Promise.resolve(ownToken);
    return serialized(async () => {
      if (ownToken) return ownToken;
      const code = await freshCode();
      const res = await fetch(new URL('/api/auth/login', need(server, 'server').url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const body = (await res.json()) as { token?: string };
      if (res.status !== 200 || !body.token) throw new Error(`POST /api/auth/login answered ${res.status}: ${JSON.stringify(body)}`);
      spent.add(code);
      ownToken = body.token;
      return ownToken;
    });
  }

  /**
   * The page's own session token. openPage returns once the login POST has been
   * answered, but the dashboard stores the token only after it has read that
   * answer's body, so a caller that asks at once can find localStorage still
   * empty (seen in CI under load): look again for a few seconds before failing.
   */
  async function sessionToken(page: Page): Promise<string> {
    const deadline = Date.now() + SESSION_TOKEN_WAIT_MS;
    for (;;) {
      const entries = await page.evaluate(() => Object.entries(localStorage));
      const first = pageTokenKey ?? DASHBOARD_TOKEN_KEY;
      const ordered = [...entries.filter(([k]) => k === first), ...entries.filter(([k]) => k !== first)];
      for (const [key, value] of ordered) {
        for (const candidate of tokenCandidates(value)) {
          if ((await apiFetch('/api/auth/me', candidate)).status === 200) {
            pageTokenKey = key;
            return candidate;
          }
        }
      }
      if (Date.now() >= deadline) {
        throw new Error(`no session token that GET /api/auth/me accepts in the page's localStorage (keys: ${entries.map(([k]) => k).join(', ') || 'none'})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function openPage(p = '/', opts: OpenPageOptions = {}): Promise<OpenedPage> {
    const b = need(browser, 'browser');
    const s = need(server, 'server');
    const context = await b.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
      locale: opts.locale ?? 'zh-CN',
      ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const at = msg.location();
      errors.push(`console.error: ${msg.text()}${at.url ? ` (${at.url}:${at.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.stack ?? err.message}`));
    const result: OpenedPage = {
      page,
      context,
      errors,
      login: null,
      close: async () => {
        opened.delete(result);
        await context.close();
      },
    };
    opened.add(result);
    try {
      await opts.setup?.(page);
      const target = new URL(p, s.url);
      if (opts.login === false) {
        await page.goto(target.href);
        return result;
      }
      await serialized(async () => {
        const code = await freshCode();
        target.searchParams.set('login', code);
        const exchanged = page
          .waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/login', { timeout: LOGIN_TIMEOUT_MS })
          .catch(() => null);
        await page.goto(target.href);
        const res = await exchanged;
        if (!res) {
          throw new Error(
            `the dashboard did not POST the login code to /api/auth/login within ${LOGIN_TIMEOUT_MS / 1000} s of opening ${target.href}` +
              (errors.length ? `\npage errors:\n${errors.join('\n')}` : ''),
          );
        }
        // Answered either way: spent (200, a new link follows) or refused (no use retrying it).
        spent.add(code);
        result.login = { status: res.status(), code };
      });
      return result;
    } catch (err) {
      await result.close();
      throw err;
    }
  }

  async function apiGet<T = any>(p: string, opts: ApiGetOptions = {}): Promise<T> {
    const token = opts.page ? await sessionToken(opts.page) : await harnessToken();
    const res = await apiFetch(p, token);
    const text = await res.text();
    const expected = opts.status ?? 200;
    if (res.status !== expected) throw new Error(`GET ${p} answered ${res.status}, expected ${expected}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  // A setup failure (no Chromium, a broken build, a server that does not start)
  // fails every test of the file with its message: a failing beforeAll alone
  // would show the tests as skipped.
  let setupError: Error | undefined;
  beforeAll(async () => {
    try {
      requireChromium();
      if (options.webBundle !== false) await ensureWebBuilt();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-e2e-'));
      db = await buildFixtureDatabase(dir);
      server = await startServer(['--db', db, '--no-demo', '--scan-interval', '0', '--tz', FIXTURE_TIME_ZONE]);
      browser = await launchChromium();
    } catch (err) {
      setupError = err as Error;
    }
  }, SETUP_TIMEOUT_MS);

  beforeEach(() => {
    if (setupError) throw setupError;
  });

  afterAll(async () => {
    const problems: string[] = [];
    for (const p of [...opened]) await p.close().catch((e: Error) => problems.push(`closing a page: ${e.message}`));
    await browser?.close().catch((e: Error) => problems.push(`closing Chromium: ${e.message}`));
    if (server) {
      const code = await server.stop();
      if (code !== 0) problems.push(`the server exited with ${code} on SIGTERM:\n${server.output()}`);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (problems.length) throw new Error(problems.join('\n'));
  }, 60_000);

  return {
    get url() {
      return need(server, 'server').url;
    },
    get db() {
      return db;
    },
    get browser() {
      return need(browser, 'browser');
    },
    serverOutput: () => server?.output() ?? '',
    openPage,
    apiGet,
    sessionToken,
  };
}

const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/**
 * `server/main.ts <args> --port 0` in one node process with tsx as its loader
 * (`node --import tsx`), so SIGTERM reaches the server itself: tsx's CLI relays
 * signals to a child process and SIGKILLs it (exit 143) when the child has not
 * acknowledged within 30 ms, which a busy 2-core machine misses now and then.
 * The URL comes from the server's own "running at" line; then /api/health.
 */
async function startServer(args: string[], timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'server/main.ts', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + timeoutMs;
  try {
    let url: string | undefined;
    while (!(url = /Support Radar is running at (\S+)/.exec(out)?.[1])) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before listening`);
      if (Date.now() > until) throw new Error(`the server did not start listening within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await waitForHealth(url, child, Math.max(1000, until - Date.now()));
    return {
      child,
      url,
      output: () => out,
      stop: () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        return exited;
      },
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out}`);
  }
}

/** Strings a stored value may hold a token in: the value itself, or a JSON string or object's token field. */
function tokenCandidates(value: string): string[] {
  const out = [value];
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed === 'string') out.unshift(parsed);
    else if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      for (const k of ['token', 'access_token', 'sessionToken']) if (typeof o[k] === 'string') out.unshift(o[k] as string);
      const session = o.session as Record<string, unknown> | undefined;
      if (session && typeof session.token === 'string') out.unshift(session.token);
    }
  } catch {
    // Not JSON: the raw value.
  }
  return out.filter((t) => /^[A-Za-z0-9._~+/=-]{16,}$/.test(t));
}

// ---- page helpers ------------------------------------------------------------

export interface WaitForChartsOptions {
  /** At least this many charts must be on the page; default 1. */
  min?: number;
  /** Default 20 s. */
  timeout?: number;
}

/**
 * What counts as "still loading": the agreed `loading` test id, the dashboard's
 * StateBox placeholder (`loading-state`), and a box that keeps stale data on
 * screen while it reloads (`aria-busy="true"`).
 */
export const LOADING_SELECTOR = '[data-testid="loading"], [data-testid="loading-state"], [aria-busy="true"]';
/** An error panel in place of data (StateBox): waiting for charts stops at once. */
export const ERROR_SELECTOR = '[data-testid="error-state"]';

interface ChartsProbe {
  loading: number;
  errors: string[];
  charts: number;
  unrendered: string[];
}

/** The page-side check, as source text (evaluated in the page, so no bundler helpers can leak in). */
const CHARTS_PROBE = `(sel) => {
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  const loading = [...document.querySelectorAll(sel.loading)].filter(visible).length;
  const errors = [...document.querySelectorAll(sel.error)].filter(visible).map((el) => (el.textContent || '').trim().replace(/\\s+/g, ' '));
  const charts = [...document.querySelectorAll('[data-testid="echart"]')];
  const unrendered = charts
    .map((c, i) => {
      const surface = c.querySelector('canvas, svg');
      const r = surface ? surface.getBoundingClientRect() : null;
      if (!(r && r.width > 0 && r.height > 0)) return 'chart ' + i + (surface ? ' (surface of size 0)' : ' (no canvas or svg)');
      const done = c.getAttribute('data-rendered');
      return done === null || done === 'true' ? null : 'chart ' + i + ' (data-rendered=' + done + ')';
    })
    .filter((x) => x !== null);
  return { loading, errors, charts: charts.length, unrendered };
}`;

/**
 * Waits until the page shows at least `min` `[data-testid="echart"]` elements,
 * each with a canvas or svg child of nonzero size (and, on a chart element that
 * carries `data-rendered`, the value "true": ECharts' `finished` event), and nothing is loading
 * (LOADING_SELECTOR); returns the number of charts. Fails at once when an error
 * panel (ERROR_SELECTOR) shows, and on timeout says which charts had not
 * rendered and what was still loading.
 */
export async function waitForCharts(page: Page, opts: WaitForChartsOptions = {}): Promise<number> {
  const min = opts.min ?? 1;
  const timeout = opts.timeout ?? 20_000;
  const sel = { loading: LOADING_SELECTOR, error: ERROR_SELECTOR };
  const probe = (): Promise<ChartsProbe> => page.evaluate(`(${CHARTS_PROBE})(${JSON.stringify(sel)})`);
  try {
    await page.waitForFunction(
      `(() => { const s = (${CHARTS_PROBE})(${JSON.stringify(sel)});
        return s.errors.length > 0 || (s.loading === 0 && s.charts >= ${min} && s.unrendered.length === 0); })()`,
      undefined,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const s = await probe().catch(() => null);
    throw new Error(
      `charts not rendered within ${timeout} ms on ${page.url()}: ` +
        (s ? `${s.charts} chart(s) (need ${min}), ${s.loading} loading indicator(s) visible, not rendered: ${s.unrendered.join(', ') || 'none'}` : (err as Error).message),
    );
  }
  const s = await probe();
  if (s.errors.length) throw new Error(`the page shows an error instead of data on ${page.url()}: ${s.errors.join(' | ')}`);
  return s.charts;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartOverflow {
  /** Index among the page's `[data-testid="echart"]` elements. */
  index: number;
  /** The container's heading (first h1-h4 or [data-testid="chart-title"]), else its test id, for the message. */
  title: string;
  /** The chart element's box, or its canvas/svg's when that is the one overflowing. */
  chart: Box;
  card: Box | null;
  reason: string;
}

/** What a chart must sit inside: a chart card, or (a sparkline) a KPI tile `kpi-<metricId>`. */
export const CHART_CONTAINERS = '[data-testid="chart-card"], [data-testid^="kpi-"]';

/**
 * Every chart that is not inside its container (the nearest CHART_CONTAINERS
 * ancestor): none, or the chart element or its canvas/svg sticks out of the
 * container's box (1 px tolerance). Empty when all charts fit.
 */
export function chartsInsideCards(page: Page): Promise<ChartOverflow[]> {
  return page.evaluate((CONTAINERS) => {
    const box = (r: DOMRect) => ({ x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) });
    const out: ChartOverflow[] = [];
    document.querySelectorAll('[data-testid="echart"]').forEach((chart, index) => {
      const card = chart.closest(CONTAINERS);
      const heading = card?.querySelector('[data-testid="chart-title"], h1, h2, h3, h4')?.textContent?.trim();
      const title = heading || card?.getAttribute('data-testid') || '';
      const own = chart.getBoundingClientRect();
      if (!card) {
        out.push({ index, title, chart: box(own), card: null, reason: 'in no chart card (nor KPI tile)' });
        return;
      }
      const c = card.getBoundingClientRect();
      const surface = chart.querySelector('canvas, svg');
      for (const [what, r] of [['chart', own], ['chart surface', surface?.getBoundingClientRect()]] as const) {
        if (!r) continue;
        const sides = [
          r.left < c.left - 1 ? `left by ${Math.round(c.left - r.left)} px` : '',
          r.top < c.top - 1 ? `top by ${Math.round(c.top - r.top)} px` : '',
          r.right > c.right + 1 ? `right by ${Math.round(r.right - c.right)} px` : '',
          r.bottom > c.bottom + 1 ? `bottom by ${Math.round(r.bottom - c.bottom)} px` : '',
        ].filter(Boolean);
        if (sides.length) {
          out.push({ index, title, chart: box(r), card: box(c), reason: `${what} overflows its card: ${sides.join(', ')}` });
          break;
        }
      }
    });
    return out;
  }, CHART_CONTAINERS);
}

/** A full-page screenshot at test-artifacts/e2e/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
