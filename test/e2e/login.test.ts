// The dashboard in Chromium over the hand-made fixture warehouse (fixture.ts): the
// one-time login link signs the browser in, the page renders without console
// errors, and a screenshot is kept.
// The dashboard is being rewritten, so only what will stay true is asserted here.
import { describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './dashboard.ts';

const d = useDashboard();

describe('the one-time login link', () => {
  it('signs the browser in: the page trades the code at /api/auth/login and drops ?login= from the URL', async () => {
    const p = await d.openPage('/');
    expect(p.login?.status, d.serverOutput()).toBe(200);
    await p.page.waitForURL((u) => !u.searchParams.has('login'), { timeout: 10_000 });
    // The code is spent: the server printed the next link.
    const links = d.serverOutput().match(/one-time login link\): \S+/g) ?? [];
    expect(links.length).toBeGreaterThanOrEqual(2);
    // The session the page keeps reads the API.
    const me = await d.apiGet<{ role: string }>('/api/auth/me', { page: p.page });
    expect(me.role).toBe('admin');
    await p.close();
  });
});

describe('the dashboard page', () => {
  // The title names the product in the browser's language (index.html's is
  // "Support Radar · 客服质量雷达"; the app then sets "<page> · <product>").
  for (const [locale, product] of [['zh-CN', '客服质量雷达'], ['en-US', 'Support Radar']] as const) {
    it(`renders in ${locale} with the product in the title, no console or page errors, and leaves a screenshot`, async () => {
      const p = await d.openPage('/', { width: 1280, locale });
      await p.page.waitForFunction(() => (document.querySelector('#app')?.childElementCount ?? 0) > 0);
      // Let the first data requests finish, so their errors are in p.errors.
      await p.page.waitForLoadState('networkidle');
      expect(await p.page.title()).toContain(product);
      const file = await screenshot(p.page, `home-${locale}-1280`);
      expect(file).toMatch(new RegExp(`test-artifacts/e2e/home-${locale}-1280\\.png$`));
      expect(p.errors).toEqual([]);
      await p.close();
    });
  }
});
