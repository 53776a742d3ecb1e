// The dashboard's shell in Chromium over the fixture warehouse (fixture.ts): every
// nav link renders its page without console errors in zh and en at 1280 and 1920
// px, charts inside their cards, keeping the global filters; a filter change is a
// URL change (a history step) that the tiles follow; a bookmarked URL restores its
// state; the language switch relabels the shell and the tiles; a failed request
// shows what failed and a retry that works once the cause is gone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../web/src/lib/api-types.ts';
import { presetRange } from '../../web/src/lib/global-filters.ts';
import { OVERVIEW_METRICS } from '../../web/src/lib/overview-metrics.ts';
import { PAGE_IDS, type PageId } from '../../web/src/routes.ts';
import { LOCALES, RANGE_QUERY, WIDTHS, expectTilesMatch, msg, openSignedIn, query, settle, tile, tileValue } from './core-helpers.ts';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { FIXTURE_TIME_ZONE, RANGE } from './fixture.ts';

const d = useDashboard();
const METRICS = OVERVIEW_METRICS.join(',');
const PATHS: Record<PageId, string> = { overview: '/', trends: '/trends', phone: '/phone', sla: '/sla', silence: '/silence', complaints: '/complaints', settings: '/settings', etl: '/etl' };

/** Until nothing on the page is loading (the StateBox placeholder, a dimmed box). */
async function loaded(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[data-testid="loading-state"]:visible, [aria-busy="true"]:visible').count(), { timeout: 20_000 }).toBe(0);
}

/** What each page must show once rendered, beyond its heading; charts are counted where this file owns the page. */
async function rendered(page: Page, id: PageId): Promise<void> {
  await page.locator('section.page h1').first().waitFor();
  if (id === 'overview') await waitForCharts(page, { min: OVERVIEW_METRICS.length });
  else if (id === 'trends') await waitForCharts(page, { min: 1 });
  else if (id === 'settings') await page.locator('[data-testid="policy-in-force"]').waitFor();
  else if (id === 'etl') await page.locator('[data-testid="etl-run"]').first().waitFor();
  await loaded(page);
}

async function summary(page: Page, scope: string): Promise<Summary> {
  return d.apiGet<Summary>(`/api/metrics/summary?${scope}&metrics=${METRICS}`, { page });
}

describe('every nav link', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`renders its page in ${locale} at ${width} px, charts inside their cards, no console errors, the filters kept`, async () => {
        const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale, width });
        for (const id of PAGE_IDS) {
          await p.page.locator(`[data-testid="nav-${id}"]`).click();
          await expect.poll(() => new URL(p.page.url()).pathname).toBe(PATHS[id]);
          expect(await p.page.locator(`[data-testid="nav-${id}"]`).getAttribute('aria-current'), id).toBe('page');
          await rendered(p.page, id);
          expect(await p.page.title()).toBe(`${msg(lang, `nav.${id}`)} · ${msg(lang, 'app.title')}`);
          expect(await p.page.locator('[data-testid="error-state"]').count(), `${id}: error state`).toBe(0);
          expect(Object.fromEntries(query(p.page)), id).toEqual(RANGE);
          expect(await chartsInsideCards(p.page), id).toEqual([]);
          await settle(p.page);
          await screenshot(p.page, `nav-${id}-${lang}-${width}`);
          expect(p.errors, id).toEqual([]);
        }
        await p.close();
      });
    }
  }
});

describe('the global filters', () => {
  it('change the URL and the tiles: channel phone, then the last 7 days; back walks them back', async () => {
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale: 'en-US' });
    const page = p.page;
    expect(await tileValue(page, 'silence_rate')).toBe('37.5%');

    await page.locator('[data-testid="filter-channel"] button').first().click();
    await page.locator('[data-testid="filter-channel"] label', { hasText: msg('en', 'channel.phone') }).locator('input').check();
    await expect.poll(() => query(page).get('channel')).toBe('phone');
    expect(query(page).get('from')).toBe(RANGE.from);
    await page.keyboard.press('Escape');
    await loaded(page);
    // C3, C4 silent of C1-C5 (fixture.ts EXPECTED.silence_rate_phone).
    await expect.poll(() => tileValue(page, 'silence_rate')).toBe('40.0%');
    await expectTilesMatch(page, 'en', await summary(page, `${RANGE_QUERY}&channel=phone`), OVERVIEW_METRICS);
    await screenshot(page, 'filters-phone-en-1280');

    await page.locator('[data-testid="preset-last7"]').click();
    await expect.poll(() => query(page).get('preset')).toBe('last7');
    expect(query(page).get('from')).toBeNull();
    expect(query(page).get('channel')).toBe('phone');
    expect(await page.locator('[data-testid="preset-last7"]').getAttribute('aria-pressed')).toBe('true');
    const week = presetRange('last7', new Date(), FIXTURE_TIME_ZONE);
    expect(await page.locator('[data-testid="filter-from"]').inputValue()).toBe(week.from);
    await loaded(page);
    await expectTilesMatch(page, 'en', await summary(page, `from=${week.from}&to=${week.to}&channel=phone`), OVERVIEW_METRICS);

    await page.goBack();
    await expect.poll(() => query(page).get('from')).toBe(RANGE.from);
    await expect.poll(() => tileValue(page, 'silence_rate')).toBe('40.0%');
    await page.goBack();
    await expect.poll(() => query(page).get('channel')).toBeNull();
    await expect.poll(() => tileValue(page, 'silence_rate')).toBe('37.5%');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('a bookmarked URL restores the range, the filters, the trend choice and an open drawer', async () => {
    const bookmark = `/trends?${RANGE_QUERY}&channel=chat,web&metric=sla_first_response&grain=week&group_by=channel`;
    const p = await openSignedIn(d, bookmark, { locale: 'en-US' });
    const page = p.page;
    await waitForCharts(page);
    expect(await page.locator('[data-testid="filter-from"]').inputValue()).toBe(RANGE.from);
    expect(await page.locator('[data-testid="filter-to"]').inputValue()).toBe('2026-10-18');
    expect(await page.locator('[data-testid="filter-channel"] button').first().innerText()).toContain(msg('en', 'filters.selected', { n: 2 }));
    expect(await page.locator('[data-testid="metric-select"]').inputValue()).toBe('sla_first_response');
    expect(await page.locator('[data-testid="grain-select"]').inputValue()).toBe('week');
    expect(await page.locator('[data-testid="group-select"]').inputValue()).toBe('channel');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(bookmark.replace(',', '%2C'));
    await p.close();

    // The overview of the same bookmark: tickets only (T2 silent of T1, T2), with the drawer open on the denominator.
    const o = await openSignedIn(d, `/?${RANGE_QUERY}&channel=chat,web&cases=silence_rate&part=denominator`, { locale: 'en-US' });
    await o.page.locator('[data-testid="cases-drawer"]').waitFor();
    expect(await o.page.locator('[data-testid="cases-tab-denominator"]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => o.page.locator('[data-testid="case-row"]').count()).toBe(2);
    await o.page.locator('[data-testid="cases-drawer"] button', { hasText: msg('en', 'cases.close') }).click();
    await expect.poll(() => tileValue(o.page, 'silence_rate')).toBe('50.0%');
    expect(o.errors.concat(p.errors)).toEqual([]);
    await o.close();
  });
});

describe('the language switch', () => {
  it('relabels the navigation, the filter bar, the tiles and their values, and is remembered', async () => {
    const p = await openSignedIn(d, `/?${RANGE_QUERY}`, { locale: 'zh-CN' });
    const page = p.page;
    const api = await summary(page, RANGE_QUERY);
    const navLabels = () => page.locator('nav a').allInnerTexts();
    expect(await navLabels()).toEqual(PAGE_IDS.map((id) => msg('zh', `nav.${id}`)));
    expect(await tile(page, 'silence_rate').locator('h3').innerText()).toBe(api.metrics.silence_rate!.definition.name.zh);
    expect(await tileValue(page, 'asa')).toBe('22.5秒');

    await page.locator('[data-testid="lang-switch"]').click();
    expect(await navLabels()).toEqual(PAGE_IDS.map((id) => msg('en', `nav.${id}`)));
    expect(await page.locator('[data-testid="preset-last7"]').innerText()).toBe(msg('en', 'preset.last7'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe(`${msg('en', 'nav.overview')} · ${msg('en', 'app.title')}`);
    for (const metric of OVERVIEW_METRICS) expect(await tile(page, metric).locator('h3').innerText()).toBe(api.metrics[metric]!.definition.name.en);
    expect(await tileValue(page, 'asa')).toBe('22.5 s');
    await page.reload();
    expect(await tileValue(page, 'asa')).toBe('22.5 s');
    expect(await navLabels()).toEqual(PAGE_IDS.map((id) => msg('en', `nav.${id}`)));
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
