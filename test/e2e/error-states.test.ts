// Failures in Chromium over the fixture warehouse (fixture.ts): a request the
// server refuses or cannot answer shows an error box naming the request, the
// status, the server's message and the parameter, with a retry button that
// loads the data once the cause is gone; a malformed range in the URL falls back
// to the default preset rather than failing.
import { describe, expect, it } from 'vitest';
import { LOCALES, RANGE_QUERY, msg, openSignedIn, query, settle, tileValue, unexpected } from './core-helpers.ts';
import { screenshot, useDashboard, waitForCharts } from './dashboard.ts';

const d = useDashboard();

describe('an unknown metric in a trends URL', () => {
  for (const [locale, lang] of LOCALES) {
    it(`shows the 400 and the parameter it names, and loads once a metric is chosen (${locale})`, async () => {
      const p = await openSignedIn(d, `/trends?${RANGE_QUERY}&metric=not_a_metric`, { locale });
      const box = p.page.locator('[data-testid="chart-card"] [data-testid="error-state"]');
      await box.waitFor();
      const text = await box.innerText();
      expect(text).toContain(msg(lang, 'state.failed', { what: 'not_a_metric' }));
      expect(text).toContain('GET /api/metrics/series → 400');
      expect(text).toContain(msg(lang, 'error.parameter', { parameter: 'metric' }));
      // Retrying the same request fails the same way: the box stays, with its button.
      await box.locator('[data-testid="retry"]').click();
      await p.page.waitForLoadState('networkidle');
      await expect.poll(() => box.isVisible()).toBe(true);
      await screenshot(p.page, `trends-error-${lang}-1280`);
      // The fix: a real metric. The error goes, the chart draws.
      await p.page.locator('[data-testid="metric-select"]').selectOption('silence_rate');
      await waitForCharts(p.page);
      expect(query(p.page).get('metric')).toBeNull();
      expect(await p.page.locator('[data-testid="error-state"]').count()).toBe(0);
      expect(unexpected(p.errors, 400)).toEqual([]);
      await p.close();
    });
  }
});

describe('a server failure on the overview', () => {
  it('names the summary request and the server\'s message; retry loads the tiles once the server answers', async () => {
    let failing = true;
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, {
      locale: 'en-US',
      setup: async (page) =>
        void (await page.route('**/api/metrics/summary?**', (route) =>
          failing
            ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { status: 503, message: 'the warehouse is being refreshed' } }) })
            : route.continue(),
        )),
    });
    const box = p.page.locator('[data-testid="error-state"]');
    await box.waitFor();
    const text = await box.innerText();
    expect(text).toContain(msg('en', 'state.failed', { what: msg('en', 'overview.title') }));
    expect(text).toContain('GET /api/metrics/summary → 503: the warehouse is being refreshed');
    await settle(p.page);
    await screenshot(p.page, 'overview-error-en-1280');
    failing = false;
    await box.locator('[data-testid="retry"]').click();
    expect(await tileValue(p.page, 'silence_rate')).toBe('37.5%');
    await waitForCharts(p.page, { min: 10 });
    expect(await box.count()).toBe(0);
    expect(unexpected(p.errors, 503)).toEqual([]);
    await p.close();
  });
});

describe('a range whose start is after its end', () => {
  it('falls back to the default preset (last 7 days) instead of asking the API for an empty range', async () => {
    const p = await openSignedIn(d, '/?from=2026-10-19&to=2026-10-12', { locale: 'en-US' });
    await expect.poll(() => p.page.locator('[data-testid="preset-last7"]').getAttribute('aria-pressed')).toBe('true');
    await tileValue(p.page, 'silence_rate');
    expect(await p.page.locator('[data-testid="error-state"]').count()).toBe(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
