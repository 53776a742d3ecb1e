// The browser harness itself (dashboard.ts), on a stand-in page routed in place
// of the dashboard at the real server's origin: the page does what the dashboard
// is agreed to do (trade the login code, keep the session in localStorage, drop
// ?login=, show a loading indicator, then charts in cards), so the helpers the
// dashboard tests rely on are proven independently of the dashboard's state.
// Also: the fixture warehouse holds the numbers fixture.ts counted by hand.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { qs } from '../helpers/metrics-app.ts';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { AS_OF, EXPECTED, RANGE } from './fixture.ts';

// No dashboard bundle needed: every page here is the stand-in.
const d = useDashboard({ webBundle: false });

const STAND_IN = `<!doctype html>
<html><head><meta charset="utf-8"><title>Stand-in · Support Radar harness</title><link rel="icon" href="data:,"></head>
<body style="margin:0;font-family:sans-serif">
<div data-testid="loading">loading…</div>
<div data-testid="chart-card" style="width:400px;height:300px;padding:10px;box-sizing:border-box;border:1px solid #ccc">
  <h3>Fits</h3><div data-testid="echart" id="c1" style="width:100%;height:200px"></div>
</div>
<div data-testid="chart-card" style="width:300px;height:200px;border:1px solid #ccc">
  <h3>Too wide</h3><div data-testid="echart" id="c2" style="width:500px;height:150px"></div>
</div>
<script>
(async () => {
  const url = new URL(location.href);
  const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: url.searchParams.get('login') }) });
  const session = await res.json();
  localStorage.setItem('stand-in.session', JSON.stringify({ token: session.token, role: session.role }));
  localStorage.setItem('stand-in.lang', 'zh');
  url.searchParams.delete('login');
  history.replaceState(null, '', url);
  setTimeout(() => {
    for (const id of ['c1', 'c2']) {
      const canvas = document.createElement('canvas');
      canvas.style.cssText = 'display:block;width:100%;height:100%';
      document.getElementById(id).appendChild(canvas);
    }
    document.querySelector('[data-testid="loading"]').remove();
  }, 400);
})();
</script>
</body></html>`;

const NEVER_RENDERS = `<!doctype html><html><head><title>x</title><link rel="icon" href="data:,"></head><body>
<div data-testid="chart-card"><div data-testid="echart" style="width:200px;height:100px"></div></div></body></html>`;

const standIn = (html: string) => async (page: Page) => {
  await page.route((u) => u.pathname === '/e2e-stand-in', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
};

describe('the e2e harness', () => {
  it('openPage signs in with the newest code; sessionToken and apiGet use the page session', async () => {
    const p = await d.openPage('/e2e-stand-in?from=2026-10-12', { width: 900, setup: standIn(STAND_IN) });
    expect(p.login?.status).toBe(200);
    await p.page.waitForURL((u) => !u.searchParams.has('login'));
    expect(new URL(p.page.url()).searchParams.get('from')).toBe('2026-10-12');
    expect(p.page.viewportSize()).toEqual({ width: 900, height: 800 });
    expect(await d.sessionToken(p.page)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await d.apiGet('/api/auth/me', { page: p.page })).toEqual({ role: 'admin', subject: 'local-admin' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it("apiGet's own session spends a code too, and the next page still gets a fresh one", async () => {
    expect(await d.apiGet('/api/auth/me')).toEqual({ role: 'admin', subject: 'local-admin' });
    await expect(d.apiGet('/api/metrics/summary?from=2026-10-12')).rejects.toThrow(/answered 400/);
    expect((await d.apiGet('/api/metrics/summary?from=2026-10-12', { status: 400 })).error.parameter).toBe('to');
    const p = await d.openPage('/e2e-stand-in', { setup: standIn(STAND_IN) });
    expect(p.login?.status).toBe(200);
    await p.close();
  });

  it('waitForCharts waits for the loading indicator to go and every chart to have a surface; chartsInsideCards finds the one that sticks out', async () => {
    const p = await d.openPage('/e2e-stand-in', { setup: standIn(STAND_IN) });
    expect(await waitForCharts(p.page)).toBe(2);
    expect(await p.page.locator('[data-testid="loading"]').count()).toBe(0);
    const overflow = await chartsInsideCards(p.page);
    expect(overflow).toHaveLength(1);
    expect(overflow[0]).toMatchObject({ index: 1, title: 'Too wide', reason: expect.stringMatching(/overflows its card: right by \d+ px/) });
    const file = await screenshot(p.page, 'harness stand-in');
    expect(file.endsWith('test-artifacts/e2e/harness-stand-in.png')).toBe(true);
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('waitForCharts names the charts that never rendered', async () => {
    const p = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(NEVER_RENDERS) });
    await expect(waitForCharts(p.page, { timeout: 500 })).rejects.toThrow(/1 chart\(s\) \(need 1\), 0 loading indicator\(s\) visible, not rendered: chart 0 \(no canvas or svg\)/);
    await p.close();
  });

  it('waitForCharts waits for data-rendered="true" where a chart carries it', async () => {
    const html = `<!doctype html><html><head><title>x</title><link rel="icon" href="data:,"></head><body>
      <div data-testid="chart-card"><div data-testid="echart" id="e" data-rendered="false"><canvas style="width:100px;height:50px"></canvas></div></div>
      <script>setTimeout(() => document.getElementById('e').setAttribute('data-rendered', 'true'), 400)</script></body></html>`;
    const p = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(html) });
    const t0 = Date.now();
    expect(await waitForCharts(p.page)).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    await p.close();
  });

  it('waitForCharts waits out a reloading box (aria-busy) and stops at once at an error panel', async () => {
    const busy = `<!doctype html><html><head><title>x</title><link rel="icon" href="data:,"></head><body>
      <div aria-busy="true" id="box" data-testid="chart-card"><div data-testid="echart"><canvas style="width:100px;height:50px"></canvas></div></div>
      <script>setTimeout(() => document.getElementById('box').setAttribute('aria-busy', 'false'), 400)</script></body></html>`;
    const p = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(busy) });
    const t0 = Date.now();
    expect(await waitForCharts(p.page)).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    await p.close();
    const failed = `<!doctype html><html><head><title>x</title><link rel="icon" href="data:,"></head><body>
      <div data-testid="loading-state">loading</div><div role="alert" data-testid="error-state"><strong>The KPI summary could not be loaded</strong>  HTTP 500</div></body></html>`;
    const q = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(failed) });
    const t1 = Date.now();
    await expect(waitForCharts(q.page, { timeout: 10_000 })).rejects.toThrow(/shows an error instead of data .*: The KPI summary could not be loaded HTTP 500$/);
    expect(Date.now() - t1).toBeLessThan(5_000);
    await q.close();
  });

  it('collects console errors and uncaught page errors per page', async () => {
    const p = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(NEVER_RENDERS) });
    const other = await d.openPage('/e2e-stand-in', { login: false, setup: standIn(NEVER_RENDERS) });
    await p.page.evaluate(() => {
      console.error('boom');
      setTimeout(() => {
        throw new Error('kaboom');
      });
    });
    await p.page.waitForTimeout(200);
    expect(p.errors).toHaveLength(2);
    expect(p.errors[0]).toMatch(/^console\.error: boom/);
    expect(p.errors[1]).toMatch(/^page error: Error: kaboom/);
    expect(other.errors).toEqual([]);
    await p.close();
    await other.close();
  });
});

describe('the fixture warehouse behind the dashboard', () => {
  it('has the hand-counted numbers the dashboard tests compare against', async () => {
    const ids = Object.keys(EXPECTED).filter((k) => !k.startsWith('silence_rate_'));
    const all = await d.apiGet(`/api/metrics/summary?${qs({ ...RANGE, as_of: AS_OF, metrics: ids.join(',') })}`);
    for (const id of ids) {
      const want = EXPECTED[id as keyof typeof EXPECTED];
      const got = all.metrics[id];
      expect(got, id).toBeDefined();
      expect(got.value, `${id}: ${JSON.stringify(got)}`).toBeCloseTo(want.value, 12);
      if ('numerator' in want) expect({ id, numerator: got.numerator, denominator: got.denominator }).toEqual({ id, numerator: want.numerator, denominator: want.denominator });
      if ('pending' in want) expect(got.pending, id).toBe(want.pending);
    }
    const tickets = await d.apiGet(`/api/metrics/summary?${qs({ ...RANGE, as_of: AS_OF, metrics: 'silence_rate', channel: 'chat,web' })}`);
    expect(tickets.metrics.silence_rate).toMatchObject(EXPECTED.silence_rate_tickets);
    const phone = await d.apiGet(`/api/metrics/summary?${qs({ ...RANGE, as_of: AS_OF, metrics: 'silence_rate', channel: 'phone' })}`);
    expect(phone.metrics.silence_rate).toMatchObject(EXPECTED.silence_rate_phone);
    // Without as_of (now): every window has closed, so the same numbers.
    const now = await d.apiGet(`/api/metrics/summary?${qs({ ...RANGE, metrics: 'silence_rate,answer_rate' })}`);
    expect(now.metrics.silence_rate).toMatchObject(EXPECTED.silence_rate);
    expect(now.metrics.answer_rate).toMatchObject(EXPECTED.answer_rate);
  });
});
