// What the browser downloads (DESIGN.md "Dashboard": the first page's JavaScript
// under 250 kB gzip; heavier parts load when their page opens): every script the
// overview loads until it is idle, gzipped here at level 9, stays under 250 kB;
// a page without charts (settings) never fetches the ECharts chunk, which arrives
// once a page with charts opens. The overview's time to its first tile value is
// printed for the record: speed targets are checked by the benches, not here.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RANGE_QUERY, openSignedIn, tileValue } from './core-helpers.ts';
import { useDashboard, waitForCharts } from './dashboard.ts';
import { WEB_OUT } from './web-build.ts';

const d = useDashboard();
const BUDGET_BYTES = 250 * 1000;

/** Every JavaScript response of the page, with its body (decoded), as it arrives. */
function recordScripts(page: Page): Map<string, Promise<Buffer>> {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (res: Response) => {
    const type = res.headers()['content-type'] ?? '';
    if (res.request().resourceType() === 'script' || /javascript/.test(type)) scripts.set(new URL(res.url()).pathname, res.body());
  });
  return scripts;
}

/** The built ECharts chunk (EChart.svelte and the echarts modules behind it). */
function echartChunk(): string {
  const found = fs.readdirSync(path.join(WEB_OUT, 'assets')).filter((f) => /^EChart-[\w-]+\.js$/.test(f));
  expect(found).toHaveLength(1);
  return `/assets/${found[0]}`;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

describe('the first page\'s JavaScript', () => {
  it('sums to under 250 kB gzip on the overview, charts included, once the page is idle', async () => {
    let scripts = new Map<string, Promise<Buffer>>();
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { setup: (page) => void (scripts = recordScripts(page)) });
    await tileValue(p.page, 'silence_rate');
    await waitForCharts(p.page, { min: 10 });
    await p.page.waitForLoadState('networkidle');
    const sizes = await Promise.all(
      [...scripts].map(async ([url, body]) => {
        const raw = await body;
        return { url, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
      }),
    );
    const total = sizes.reduce((s, x) => s + x.gzip, 0);
    console.log(
      `overview JavaScript: ${sizes.length} files, ${kB(total)} gzip (budget ${kB(BUDGET_BYTES)})\n` +
        sizes.sort((a, b) => b.gzip - a.gzip).map((x) => `  ${kB(x.gzip).padStart(9)}  ${kB(x.raw).padStart(9)} raw  ${x.url}`).join('\n'),
    );
    // The chart library is among them: the sparklines drew.
    expect(sizes.map((x) => x.url)).toContain(echartChunk());
    expect(total).toBeLessThan(BUDGET_BYTES);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('leaves the ECharts chunk out of a page without charts (settings), and fetches it when a page with charts opens', async () => {
    let scripts = new Map<string, Promise<Buffer>>();
    const p = await openSignedIn(d, `/settings?${RANGE_QUERY}`, { setup: (page) => void (scripts = recordScripts(page)) });
    await p.page.locator('[data-testid="policy-in-force"]').waitFor();
    await p.page.waitForLoadState('networkidle');
    const chunk = echartChunk();
    expect([...scripts.keys()]).not.toContain(chunk);
    expect([...scripts.keys()].some((u) => /\/SettingsPage-[\w-]+\.js$/.test(u))).toBe(true);
    // Neither the other pages' chunks.
    expect([...scripts.keys()].filter((u) => /\/(Overview|Trends|Phone|Sla|Silence|Complaints|Etl)Page-/.test(u))).toEqual([]);
    await p.page.locator('[data-testid="nav-trends"]').click();
    await waitForCharts(p.page);
    expect([...scripts.keys()]).toContain(chunk);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

describe('the overview\'s time to its first tile value (printed, not asserted)', () => {
  it('records it on the fixture: a first visit through the login link, then a reload with the session kept', async () => {
    const mark = `() => {
      const seen = () => [...document.querySelectorAll('[data-testid="kpi-value"]')].some((el) => (el.textContent || '').trim() !== '…');
      new MutationObserver((_, obs) => { if (seen()) { window.__firstTile = performance.now(); obs.disconnect(); } })
        .observe(document, { childList: true, subtree: true, characterData: true });
    }`;
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { setup: async (page) => void (await page.addInitScript(`(${mark})()`)) });
    const firstTile = async () => {
      await p.page.waitForFunction(() => typeof (window as unknown as { __firstTile?: number }).__firstTile === 'number', undefined, { timeout: 15_000 });
      return p.page.evaluate(() => Math.round((window as unknown as { __firstTile: number }).__firstTile));
    };
    const first = await firstTile();
    await waitForCharts(p.page, { min: 10 });
    await p.page.reload();
    const again = await firstTile();
    const charts = await waitForCharts(p.page, { min: 10 }).then(() => p.page.evaluate(() => Math.round(performance.now())));
    console.log(`overview on the fixture: first tile value ${first} ms after navigation (first visit, login link); ${again} ms on reload (session kept), sparklines drawn by ${charts} ms`);
    expect(first).toBeGreaterThan(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
