// The overview in Chromium over the fixture warehouse (fixture.ts): every KPI tile
// shows the API's summary value formatted as the dashboard formats it (and the
// fixture's hand-counted number); the silence tile opens its cases (3 silent of 8),
// a case row opens the case with its customer's cross-channel timeline, and back
// closes the case, then the drawer; "how is this computed" shows the definition
// and its version; the dark theme keeps every sparkline drawn inside its tile.
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../web/src/lib/api-types.ts';
import { OVERVIEW_METRICS } from '../../web/src/lib/overview-metrics.ts';
import { RANGE_QUERY, LOCALES, drawerState, msg, openSignedIn, query, settle, tabTotal, tile, tileValue, uiFormat } from './core-helpers.ts';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { EXPECTED } from './fixture.ts';

const d = useDashboard();
const METRICS = OVERVIEW_METRICS.join(',');

/** What the fixture's rows give, as each language prints it (EXPECTED counted them by hand). */
const HAND_COUNTED: Record<'zh' | 'en', Partial<Record<(typeof OVERVIEW_METRICS)[number], string>>> = {
  zh: { silence_rate: '37.5%', answer_rate: '50.0%', service_level: '25.0%', unreachable_rate: '20.0%', asa: '22.5秒', fcr: '100.0%', complaints: '1' },
  en: { silence_rate: '37.5%', answer_rate: '50.0%', service_level: '25.0%', unreachable_rate: '20.0%', asa: '22.5 s', fcr: '100.0%', complaints: '1' },
};

describe('the overview tiles', () => {
  for (const [locale, lang] of LOCALES) {
    it(`show the API's summary for the fixture's week, as the UI formats it (${locale})`, async () => {
      const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale });
      const api = await d.apiGet<Summary>(`/api/metrics/summary?${RANGE_QUERY}&metrics=${METRICS}`, { page: p.page });
      const f = uiFormat(lang);
      for (const metric of OVERVIEW_METRICS) {
        const entry = api.metrics[metric]!;
        if (!('value' in entry)) throw new Error(`${metric} is not applicable without filters`);
        if (metric in EXPECTED) expect(entry.value, metric).toBe(EXPECTED[metric as keyof typeof EXPECTED].value);
        expect(await tileValue(p.page, metric), metric).toBe(f.value(entry.value, entry.unit));
        expect(await tileValue(p.page, metric), metric).toBe(HAND_COUNTED[lang][metric] ?? f.value(entry.value, entry.unit));
        // The tile's name is the definition's, in the page's language.
        expect(await tile(p.page, metric).locator('h3').innerText(), metric).toBe(entry.definition.name[lang]);
      }
      // A change that cannot be stated (nothing in the previous week) is not coloured as good or bad.
      for (const metric of OVERVIEW_METRICS) {
        const change = tile(p.page, metric).locator('[data-testid="kpi-change"]');
        if ((await change.innerText()).includes('—')) expect(await change.getAttribute('class'), metric).not.toMatch(/\b(good|bad)\b/);
      }
      // The counts behind the rate, next to it.
      expect(await tile(p.page, 'silence_rate').locator('.counts').innerText()).toContain('3 / 8');
      await waitForCharts(p.page, { min: OVERVIEW_METRICS.length });
      expect(await chartsInsideCards(p.page)).toEqual([]);
      await settle(p.page);
      await screenshot(p.page, `overview-${lang}-1280`);
      expect(p.errors).toEqual([]);
      await p.close();
    });
  }
});

describe('the silence tile', () => {
  it('opens its cases (3 silent of 8), a row opens the case and its timeline, and back closes the case, then the drawer', async () => {
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale: 'en-US' });
    const start = p.page.url();
    await tileValue(p.page, 'silence_rate');
    await tile(p.page, 'silence_rate').locator('[data-testid="kpi-value"]').click();
    expect(await drawerState(p.page)).toEqual({ metric: 'silence_rate', part: 'numerator', from: null, to: null, extra: {} });
    expect(await tabTotal(p.page, 'numerator')).toBe(String(EXPECTED.silence_rate.numerator));
    expect(await tabTotal(p.page, 'denominator')).toBe(String(EXPECTED.silence_rate.denominator));
    const rows = p.page.locator('[data-testid="case-row"]');
    await expect.poll(() => rows.count()).toBe(3);
    // The fixture's silent contacts, newest first.
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.mono')?.textContent?.trim()))).toEqual(['T2', 'C4', 'C3']);
    await settle(p.page);
    await screenshot(p.page, 'overview-drawer-en-1280');

    // T2's customer M7 complained the next day (K1): the case view shows both.
    await rows.filter({ hasText: 'T2' }).click();
    await p.page.locator('[data-testid="case-view"]').waitFor();
    expect(query(p.page).get('case')).toBe('ticket:T2');
    const items = p.page.locator('[data-testid="case-view"] [data-testid="timeline-item"]');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const timeline = await items.allInnerTexts();
    expect(timeline.some((t) => t.includes('T2'))).toBe(true);
    expect(timeline.some((t) => t.includes('K1'))).toBe(true);
    await settle(p.page);
    await screenshot(p.page, 'overview-case-en-1280');

    // Back: the case view closes, the drawer stays; back again: the drawer closes.
    await p.page.goBack();
    await p.page.locator('[data-testid="case-view"]').waitFor({ state: 'detached' });
    expect(query(p.page).get('case')).toBeNull();
    expect(query(p.page).get('cases')).toBe('silence_rate');
    await expect.poll(() => p.page.locator('[data-testid="cases-drawer"]').isVisible()).toBe(true);
    await p.page.goBack();
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    expect(p.page.url()).toBe(start);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

describe('"how is this computed"', () => {
  for (const [locale, lang] of LOCALES) {
    it(`shows the silence rate's definition and version from the API (${locale})`, async () => {
      const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale });
      const defs = await d.apiGet<{ metrics: { id: string; version: number; definition: string }[] }>('/api/metrics/definitions', { page: p.page });
      const def = defs.metrics.find((m) => m.id === 'silence_rate')!;
      const policies = await d.apiGet<{ in_force: { version: number } }>('/api/settings/policies', { page: p.page });
      await tileValue(p.page, 'silence_rate');
      await tile(p.page, 'silence_rate').locator('[data-testid="how-computed"]').click();
      const panel = p.page.locator('[data-testid="how-panel"]');
      await panel.locator('.definition').waitFor();
      expect((await panel.locator('.definition').innerText()).trim()).toBe(def.definition.trim());
      const meta = await panel.locator('.meta').innerText();
      expect(meta).toContain(msg(lang, 'how.version', { version: def.version }));
      expect(await panel.innerText()).toContain(msg(lang, 'how.settings', { version: policies.in_force.version }));
      // Opening the explanation does not open the tile's cases.
      expect(query(p.page).get('cases')).toBeNull();
      await screenshot(p.page, `overview-how-${lang}-1280`);
      await p.page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(p.errors).toEqual([]);
      await p.close();
    });
  }
});

describe('the dark theme', () => {
  it('keeps every sparkline drawn inside its tile, and is remembered on reload', async () => {
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale: 'zh-CN', width: 1920 });
    await waitForCharts(p.page, { min: OVERVIEW_METRICS.length });
    await p.page.locator('[data-testid="theme-switch"]').click();
    expect(await p.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await waitForCharts(p.page, { min: OVERVIEW_METRICS.length })).toBe(OVERVIEW_METRICS.length);
    expect(await chartsInsideCards(p.page)).toEqual([]);
    await settle(p.page);
    await screenshot(p.page, 'overview-zh-1920-dark');
    await p.page.reload();
    await waitForCharts(p.page, { min: OVERVIEW_METRICS.length });
    expect(await p.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
