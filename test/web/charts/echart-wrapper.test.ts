/**
 * EChart.svelte and its action in a real browser (Debian's Chromium through
 * playwright-core): the harness page (harness/) is built by vite, served over
 * HTTP, and driven through window.harness. What is checked is the life cycle of
 * README.md: one instance for the chart's life (a theme switch keeps it), the
 * option replaced, the box followed when it shrinks, clicks handing back the
 * builder's data item, and nothing left after destroy.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HARNESS = path.join(import.meta.dirname, 'harness');
const CHROMIUM = process.env.SUPPORT_RADAR_E2E_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let outDir = '';
let server: http.Server;
let url = '';
let browser: Browser;

function viteBuild(out: string): Promise<void> {
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', path.join(HARNESS, 'vite.config.ts'), '--outDir', out];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (b) => (log += b));
    child.stderr.on('data', (b) => (log += b));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build of the harness failed (${code}):\n${log}`))));
  });
}

function serve(dir: string): Promise<http.Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const s = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^\/+$/, 'index.html'));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

async function openHarness(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => (window as any).harness?.chart() !== undefined);
  return { page, errors };
}

/** Size of the chart's canvas in CSS pixels, after the next frames. */
async function canvasWidth(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => document.querySelector('[data-testid="echart"] canvas')!.getBoundingClientRect().width);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y --no-install-recommends chromium`);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'echart-harness-'));
  await viteBuild(outDir);
  server = await serve(outDir);
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('EChart.svelte in a browser', () => {
  it('draws inside its box and follows the box when it shrinks and grows', async () => {
    const { page, errors } = await openHarness();
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-testid="echart"]')!.getBoundingClientRect();
      return { width: r.width, height: r.height, label: document.querySelector('[data-testid="echart"]')!.getAttribute('aria-label') };
    });
    expect(box).toEqual({ width: 600, height: 300, label: 'Calls by queue' });
    expect(await canvasWidth(page)).toBe(600);
    await page.evaluate(() => (window as any).harness.setWidth('320px'));
    expect(await canvasWidth(page)).toBe(320);
    await page.evaluate(() => (window as any).harness.setWidth('700px'));
    expect(await canvasWidth(page)).toBe(700);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps one instance across theme switches and option updates, replacing the option', async () => {
    const { page, errors } = await openHarness();
    const before = await page.evaluate(() => {
      const c = (window as any).harness.chart();
      return { id: c.id, background: c.getOption().backgroundColor };
    });
    expect(before.background).toBe('#ffffff');
    await page.evaluate(() => (window as any).harness.setTheme('dark'));
    await page.evaluate(() =>
      (window as any).harness.setInput({
        unit: 'count',
        categories: [{ key: 'a', label: 'A' }],
        series: [{ name: 'One', values: [{ value: 1 }] }],
      }),
    );
    const after = await page.evaluate(() => {
      const c = (window as any).harness.chart();
      const o = c.getOption();
      return { id: c.id, background: o.backgroundColor, categories: o.xAxis[0].data, series: o.series.length };
    });
    expect(after).toEqual({ id: before.id, background: '#171b21', categories: ['A'], series: 1 });
    await page.evaluate(() => (window as any).harness.setLoading(true));
    expect(await page.getAttribute('[data-testid="echart"]', 'aria-busy')).toBe('true');
    await page.evaluate(() => (window as any).harness.setLoading(false));
    expect(await page.getAttribute('[data-testid="echart"]', 'aria-busy')).toBe('false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hands a click on a bar back with the data item the builder made', async () => {
    const { page } = await openHarness();
    const point = await page.evaluate(() => {
      const c = (window as any).harness.chart();
      const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [1, 4]);
      const r = document.querySelector('[data-testid="echart"]')!.getBoundingClientRect();
      return { x: r.left + x, y: r.top + y };
    });
    await page.mouse.click(point.x, point.y);
    const clicks = await page.evaluate(() => (window as any).harness.clicks);
    expect(clicks).toEqual([
      { data: { value: 8, category: 'recharge', series: 'Calls', numerator: null, denominator: null }, seriesIndex: 0, dataIndex: 1, name: 'Recharge' },
    ]);
    await page.close();
  });

  it('disposes the instance and stops observing when destroyed', async () => {
    const { page, errors } = await openHarness();
    const disposed = await page.evaluate(async () => {
      const h = (window as any).harness;
      const c = h.chart();
      const observing = (window as any).liveObservers;
      h.setLoading(true);
      await new Promise((r) => requestAnimationFrame(r));
      h.unmount();
      await new Promise((r) => requestAnimationFrame(r));
      // A resize after destroy must not reach the disposed chart.
      h.setWidth('200px');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return {
        observing,
        disposed: c.isDisposed(),
        bound: h.chart() === undefined,
        left: document.querySelectorAll('[data-testid="echart"]').length,
        stillObserving: (window as any).liveObservers,
      };
    });
    expect(disposed).toEqual({ observing: 1, disposed: true, bound: true, left: 0, stillObserving: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
