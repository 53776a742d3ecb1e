// The phone and SLA pages in Chromium over the fixture warehouse (fixture.ts):
// both render in zh and en at 1280 and 1920 px with every chart inside its card
// and no console errors; their tiles show what the API computes (and what
// EXPECTED counted by hand); a heatmap cell, a wait band and a matrix cell open
// the cases drawer on the right metric, part and filter with the API's total; the
// breaches list holds the fixture's breach T2 and opens its case.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { EXPECTED, RANGE } from './fixture.ts';

const d = useDashboard();
const RANGE_QUERY = `from=${RANGE.from}&to=${RANGE.to}`;

const LOCALES = [['zh-CN', 'zh'], ['en-US', 'en']] as const;
const WIDTHS = [1280, 1920] as const;

/** The text of a KPI tile's value. */
const tileValue = (page: Page, metric: string) => page.locator(`[data-testid="kpi-${metric}"] [data-testid="kpi-value"]`).innerText();

/** The chart inside the card whose heading contains `title`. */
function chartIn(page: Page, title: string): Locator {
  return page.locator('[data-testid="chart-card"]', { has: page.locator('h2', { hasText: title }) }).locator('[data-testid="echart"]');
}

/** The text of the chart's visible tooltip ('' when none). ECharts puts its HTML tooltip inside the chart's element. */
function tooltipText(chart: Locator): Promise<string> {
  return chart.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('div')]
      .filter((div) => div.style.zIndex === '9999999' && div.style.visibility !== 'hidden' && div.style.display !== 'none')
      .map((div) => div.innerText)
      .join('\n'),
  );
}

/** The chart's box in the viewport, scrolled into view first (the mouse cannot reach below the fold). */
async function visibleBox(chart: Locator) {
  await chart.scrollIntoViewIfNeeded();
  return (await chart.boundingBox())!;
}

/**
 * Where along one line across the chart the tooltip matches: the mouse walks
 * the line in 3 px steps (the canvas has no DOM to query) and the middle of the
 * matching stretch is returned. Used for cells that are not on the chart's edge,
 * where a tooltip can linger after the pointer leaves the plot.
 */
async function scanFor(page: Page, chart: Locator, axis: 'x' | 'y', at: number, match: (tip: string) => boolean): Promise<number> {
  const box = await visibleBox(chart);
  const [start, length] = axis === 'x' ? [box.x, box.width] : [box.y, box.height];
  const hits: number[] = [];
  for (let p = start + 2; p < start + length - 2; p += 3) {
    await page.mouse.move(axis === 'x' ? p : at, axis === 'x' ? at : p);
    if (match(await tooltipText(chart))) hits.push(p);
    else if (hits.length) break;
  }
  if (!hits.length) throw new Error(`no point along ${axis} at ${at} shows a matching tooltip`);
  return (hits[0]! + hits.at(-1)!) / 2;
}

/** Clicks the heatmap or matrix cell whose tooltip title contains both `row` and `col`. */
async function clickCell(page: Page, chart: Locator, row: string, col: string): Promise<void> {
  const box = await visibleBox(chart);
  const title = (tip: string) => tip.split('\n')[0] ?? '';
  const y = await scanFor(page, chart, 'y', box.x + box.width / 2, (tip) => title(tip).includes(row));
  const x = await scanFor(page, chart, 'x', y, (tip) => title(tip).includes(row) && title(tip).includes(col));
  await page.mouse.click(x, y);
}

/** The drawer's URL state, and the total shown on a tab once its count has loaded. */
async function drawerState(page: Page) {
  await page.locator('[data-testid="cases-drawer"]').waitFor();
  const url = new URL(page.url());
  const extra = Object.fromEntries([...url.searchParams].filter(([k]) => k.startsWith('cf.')));
  return { metric: url.searchParams.get('cases'), part: url.searchParams.get('part'), extra };
}

async function tabTotal(page: Page, part: string): Promise<string> {
  const n = page.locator(`[data-testid="cases-tab-${part}"] .n`);
  await expect.poll(() => n.innerText(), { timeout: 10_000 }).not.toBe('…');
  return n.innerText();
}

/**
 * A screenshot once every request has answered and the charts' entry animations
 * (about a second in ECharts) have ended, so what is looked at is what stays;
 * at 1280 px also in the dark theme.
 */
async function settledScreenshots(page: Page, name: string, width: number, min: number): Promise<void> {
  await page.waitForLoadState('networkidle');
  await waitForCharts(page, { min });
  await page.waitForTimeout(1200);
  await screenshot(page, name);
  if (width !== 1280) return;
  await page.locator('[data-testid="theme-switch"]').click();
  await page.waitForTimeout(1200);
  await screenshot(page, `${name}-dark`);
}

async function apiTotal(page: Page, query: string): Promise<number> {
  return (await d.apiGet<{ total: number }>(`/api/cases?${RANGE_QUERY}&${query}`, { page })).total;
}

describe('the phone page', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`renders in ${locale} at ${width} px: tiles, two heatmaps, waits, queues and callbacks in their cards, no console errors`, async () => {
        const p = await d.openPage(`/phone?${RANGE_QUERY}`, { width, locale });
        await waitForCharts(p.page, { min: 5 });
        for (const title of lang === 'zh' ? ['无法接通率', '放弃率', '排队等待', '各队列', '回拨'] : ['Unreachable rate', 'Abandon rate', 'Queue wait', 'Service level by queue', 'Callbacks']) {
          await expect.poll(() => chartIn(p.page, title).count(), { message: title }).toBe(1);
        }
        expect(await chartsInsideCards(p.page)).toEqual([]);
        await settledScreenshots(p.page, `phone-${lang}-${width}`, width, 5);
        expect(p.errors).toEqual([]);
        await p.close();
      });
    }
  }

  it('shows the API\'s values on its tiles, the fixture\'s hand-counted numbers', async () => {
    const p = await d.openPage(`/phone?${RANGE_QUERY}`, { locale: 'en-US' });
    const api = await d.apiGet(`/api/metrics/summary?${RANGE_QUERY}&metrics=service_level,answer_rate,unreachable_rate,asa,abandon_rate`, { page: p.page });
    for (const m of ['service_level', 'answer_rate', 'unreachable_rate', 'asa', 'abandon_rate'] as const) {
      expect(api.metrics[m].value, m).toBe(EXPECTED[m].value);
    }
    await expect.poll(() => tileValue(p.page, 'service_level')).toBe('25.0%');
    expect(await tileValue(p.page, 'answer_rate')).toBe('50.0%');
    expect(await tileValue(p.page, 'unreachable_rate')).toBe('20.0%');
    expect(await tileValue(p.page, 'abandon_rate')).toBe('25.0%');
    expect(await tileValue(p.page, 'asa')).toBe('22.5 s');
    expect(await p.page.locator('[data-testid="kpi-service_level"] .counts').innerText()).toContain('1 / 4');
    // A tile opens its numerator's cases.
    await p.page.locator('[data-testid="kpi-service_level"] [data-testid="kpi-value"]').click();
    expect(await drawerState(p.page)).toEqual({ metric: 'service_level', part: 'numerator', extra: {} });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(await tabTotal(p.page, 'denominator')).toBe('4');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('opens the cases of a heatmap cell: unreachable calls on Wednesday 09:00, then back closes the drawer', async () => {
    const p = await d.openPage(`/phone?${RANGE_QUERY}`, { locale: 'zh-CN' });
    await waitForCharts(p.page, { min: 5 });
    await clickCell(p.page, chartIn(p.page, '无法接通率'), '周三', '09:00–');
    expect(await drawerState(p.page)).toEqual({ metric: 'unreachable_rate', part: 'numerator', extra: { 'cf.hour_of_week': '3-09' } });
    const numerator = await apiTotal(p.page, 'metric=unreachable_rate&part=numerator&hour_of_week=3-09');
    expect(numerator).toBe(1);
    expect(await tabTotal(p.page, 'numerator')).toBe(String(numerator));
    expect(await tabTotal(p.page, 'denominator')).toBe(String(await apiTotal(p.page, 'metric=unreachable_rate&part=denominator&hour_of_week=3-09')));
    await expect.poll(() => p.page.locator('[data-testid="cases-drawer"] [data-testid="case-row"]').allInnerTexts()).toEqual([expect.stringContaining('C4')]);
    // The denominator tab lists the same hour's attempts.
    await p.page.locator('[data-testid="cases-tab-denominator"]').click();
    await expect.poll(() => new URL(p.page.url()).searchParams.get('cf.hour_of_week')).toBe('3-09');
    await p.page.goBack();
    await p.page.goBack();
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('opens the calls of a wait band, an abandon heatmap cell and a queue\'s service-level bar', async () => {
    const p = await d.openPage(`/phone?${RANGE_QUERY}`, { locale: 'zh-CN' });
    await waitForCharts(p.page, { min: 5 });
    const histogram = chartIn(p.page, '排队等待');
    const box = await visibleBox(histogram);
    // The 30–60 s bar (C2, C3) is the tallest: the middle of the plot's height is on it.
    const x = await scanFor(p.page, histogram, 'x', box.y + box.height * 0.6, (tip) => tip.startsWith('30–60秒'));
    await p.page.mouse.click(x, box.y + box.height * 0.6);
    expect(await drawerState(p.page)).toEqual({ metric: 'offered', part: 'numerator', extra: { 'cf.wait_band': '30-60' } });
    expect(await tabTotal(p.page, 'numerator')).toBe(String(await apiTotal(p.page, 'metric=offered&part=numerator&wait_band=30-60')));
    expect(await tabTotal(p.page, 'numerator')).toBe('2');
    await p.page.keyboard.press('Escape');
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    await clickCell(p.page, chartIn(p.page, '放弃率'), '周二', '09:00–');
    expect(await drawerState(p.page)).toEqual({ metric: 'abandon_rate', part: 'numerator', extra: { 'cf.hour_of_week': '2-09' } });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    await p.page.keyboard.press('Escape');
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    // The recharge queue's bar (C1 within 20 s of C1, C3, C5) reaches past 30 % of the chart's width.
    const queues = chartIn(p.page, '各队列');
    const qBox = await visibleBox(queues);
    const y = await scanFor(p.page, queues, 'y', qBox.x + qBox.width * 0.3, (tip) => tip.startsWith('recharge'));
    await p.page.mouse.click(qBox.x + qBox.width * 0.3, y);
    expect(await drawerState(p.page)).toEqual({ metric: 'service_level', part: 'numerator', extra: { 'cf.queue': 'recharge' } });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(await tabTotal(p.page, 'denominator')).toBe(String(await apiTotal(p.page, 'metric=service_level&part=denominator&queue=recharge')));
    expect(await tabTotal(p.page, 'denominator')).toBe('3');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

describe('the SLA page', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`renders in ${locale} at ${width} px: tiles, the channel × priority matrix, the breaches; no console errors`, async () => {
        const p = await d.openPage(`/sla?${RANGE_QUERY}`, { width, locale });
        await waitForCharts(p.page, { min: 1 });
        await expect.poll(() => chartIn(p.page, lang === 'zh' ? '渠道 × 优先级' : 'Channel × priority').count()).toBe(1);
        await p.page.locator('[data-testid="sla-breaches"] [data-testid="case-row"]').first().waitFor();
        expect(await chartsInsideCards(p.page)).toEqual([]);
        await settledScreenshots(p.page, `sla-${lang}-${width}`, width, 1);
        expect(p.errors).toEqual([]);
        await p.close();
      });
    }
  }

  it('shows the API\'s attainment on its tiles and opens a matrix cell\'s tickets', async () => {
    const p = await d.openPage(`/sla?${RANGE_QUERY}`, { locale: 'zh-CN' });
    const api = await d.apiGet(`/api/metrics/summary?${RANGE_QUERY}&metrics=sla_first_response,sla_resolution`, { page: p.page });
    expect(api.metrics.sla_first_response.value).toBe(EXPECTED.sla_first_response.value);
    expect(api.metrics.sla_resolution.value).toBe(EXPECTED.sla_resolution.value);
    await expect.poll(() => tileValue(p.page, 'sla_first_response')).toBe('50.0%');
    expect(await tileValue(p.page, 'sla_resolution')).toBe('50.0%');
    await waitForCharts(p.page, { min: 1 });
    // T2: web, normal priority, never answered by a human.
    await clickCell(p.page, chartIn(p.page, '渠道 × 优先级'), '网页/App 工单', '· 普通');
    expect(await drawerState(p.page)).toEqual({ metric: 'sla_first_response', part: 'denominator', extra: { 'cf.channel': 'web', 'cf.priority': 'normal' } });
    const q = 'metric=sla_first_response&channel=web&priority=normal';
    expect(await tabTotal(p.page, 'denominator')).toBe(String(await apiTotal(p.page, `${q}&part=denominator`)));
    expect(await tabTotal(p.page, 'denominator_only')).toBe('1');
    expect(await tabTotal(p.page, 'numerator')).toBe('0');
    await p.page.keyboard.press('Escape');
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    // The resolution matrix: T1 (chat) achieved its 24 h.
    await p.page.locator('[data-testid="matrix-metric-sla_resolution"]').click();
    await expect.poll(() => new URL(p.page.url()).searchParams.get('matrix')).toBe('sla_resolution');
    await waitForCharts(p.page, { min: 1 });
    await clickCell(p.page, chartIn(p.page, '渠道 × 优先级'), '在线客服', '· 普通');
    expect(await drawerState(p.page)).toEqual({ metric: 'sla_resolution', part: 'denominator', extra: { 'cf.channel': 'chat', 'cf.priority': 'normal' } });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('lists the fixture\'s breach T2 with its deadline, and a row opens the case', async () => {
    const p = await d.openPage(`/sla?${RANGE_QUERY}`, { locale: 'zh-CN' });
    const list = p.page.locator('[data-testid="sla-breaches"]');
    const api = await d.apiGet(`/api/cases?${RANGE_QUERY}&metric=sla_first_response&part=denominator_only`, { page: p.page });
    expect(api.cases.map((c: { id: string }) => c.id)).toEqual(['T2']);
    await expect.poll(() => list.locator('[data-testid="case-row"]').allInnerTexts()).toEqual([expect.stringContaining('T2')]);
    const row = await list.locator('[data-testid="case-row"]').innerText();
    // The deadline: 15 minutes after T2 opened (web first response), 2026-10-16 11:15 Shanghai; no reply ever stopped the clock.
    expect(row).toContain('11:15:00');
    expect(row).toContain('仍未完成');
    expect(await list.locator('[data-testid="breach-total"]').innerText()).toContain('1');
    // Another metric: resolution breaches are T2 too; the complaint's resolution breach is K1.
    await list.locator('[data-testid="breach-metric"]').selectOption('complaint_sla_resolution');
    await expect.poll(() => list.locator('[data-testid="case-row"]').allInnerTexts()).toEqual([expect.stringContaining('K1')]);
    await list.locator('[data-testid="breach-metric"]').selectOption('sla_first_response');
    await list.locator('[data-testid="case-row"]', { hasText: 'T2' }).click();
    await p.page.locator('[data-testid="case-view"]').waitFor();
    expect(new URL(p.page.url()).searchParams.get('case')).toBe('ticket:T2');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('says which filter to clear when an SLA refuses it, instead of failing', async () => {
    const p = await d.openPage(`/sla?${RANGE_QUERY}&queue=orders`, { locale: 'en-US' });
    await p.page.locator('[data-testid="sla-breaches"] [data-testid="empty-state"]').waitFor();
    expect(await p.page.locator('[data-testid="sla-breaches"] [data-testid="empty-state"]').innerText()).toContain('Queue');
    expect(await p.page.locator('[data-testid="chart-card"] [data-testid="empty-state"]').innerText()).toContain('Queue');
    await p.page.waitForLoadState('networkidle');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
