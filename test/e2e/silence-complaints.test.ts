// The silence and complaints pages in Chromium over the fixture warehouse
// (fixture.ts): both render in zh and en at 1280 and 1920 px with every chart
// inside its card and no console errors; their tiles show what the API computes
// (and what EXPECTED counted by hand); the unanswered queue lists exactly the
// fixture's silent contacts C3, C4, T2, keeps its quick filters in the URL and
// opens a case with its timeline, by mouse and by keyboard; a trend point, a
// stacked source segment and source bars open the drawer on the right metric,
// part and filters with the API's total; the language switch relabels the charts.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { EXPECTED, RANGE } from './fixture.ts';

const d = useDashboard();
const RANGE_QUERY = `from=${RANGE.from}&to=${RANGE.to}`;

const LOCALES = [['zh-CN', 'zh'], ['en-US', 'en']] as const;
const WIDTHS = [1280, 1920] as const;

/** Opens `path` and waits until the page's heading shows: the session token is stored by then (d.apiGet reads it). */
async function open(path: string, opts: { locale: string; width?: number }) {
  const p = await d.openPage(path, opts);
  await p.page.locator('section.page h1').waitFor();
  return p;
}

const tileValue = (page: Page, metric: string) => page.locator(`[data-testid="kpi-${metric}"] [data-testid="kpi-value"]`).innerText();
const queueRows = (page: Page) => page.locator('[data-testid="silence-queue"] [data-testid="case-row"]');
/** The case ids of the queue's rows, in order. */
const queueIds = (page: Page) => queueRows(page).evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key));

/** The chart inside the card whose heading contains `title`. */
function chartIn(page: Page, title: string): Locator {
  return page.locator('[data-testid="chart-card"]', { has: page.locator('h2', { hasText: title }) }).locator('[data-testid="echart"]');
}

/** The text of the chart's visible tooltip ('' when none); ECharts puts its HTML tooltip inside the chart's element. */
function tooltipText(chart: Locator): Promise<string> {
  return chart.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('div')]
      .filter((div) => div.style.zIndex === '9999999' && div.style.visibility !== 'hidden' && div.style.display !== 'none')
      .map((div) => div.innerText)
      .join('\n'),
  );
}

/** Whether the pointer is over something clickable: ECharts then sets the cursor of its layer to `pointer`. */
function pointerCursor(chart: Locator): Promise<boolean> {
  return chart.evaluate((el) => [...el.querySelectorAll<HTMLElement>('div')].some((div) => div.style.cursor === 'pointer'));
}

async function visibleBox(chart: Locator) {
  await chart.scrollIntoViewIfNeeded();
  return (await chart.boundingBox())!;
}

/**
 * Where along one line across the chart `match` holds: the mouse walks the line
 * in `step` px (the canvas has no DOM to query) and the middle of the first
 * matching stretch is returned.
 */
async function scanFor(page: Page, chart: Locator, axis: 'x' | 'y', at: number, match: () => Promise<boolean>, step = 3): Promise<number> {
  const box = await visibleBox(chart);
  const [start, length] = axis === 'x' ? [box.x, box.width] : [box.y, box.height];
  const hits: number[] = [];
  for (let p = start + 2; p < start + length - 2; p += step) {
    await page.mouse.move(axis === 'x' ? p : at, axis === 'x' ? at : p);
    if (await match()) hits.push(p);
    else if (hits.length) break;
  }
  if (!hits.length) throw new Error(`nothing along ${axis} at ${at} matched`);
  return (hits[0]! + hits.at(-1)!) / 2;
}

/** Clicks the bar (or segment) whose tooltip starts with `category`, on a line `at` of the way across the other axis. */
async function clickBar(page: Page, chart: Locator, category: string, horizontal: boolean, at = 0.5): Promise<void> {
  const box = await visibleBox(chart);
  const fixed = horizontal ? box.x + box.width * at : box.y + box.height * at;
  const along = await scanFor(page, chart, horizontal ? 'y' : 'x', fixed, async () => (await tooltipText(chart)).startsWith(category), 6);
  await page.mouse.click(horizontal ? fixed : along, horizontal ? along : fixed);
}

/** The drawer's URL state once it is open. */
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

async function closeDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
}

async function apiTotal(page: Page, query: string): Promise<number> {
  return (await d.apiGet<{ total: number }>(`/api/cases?${RANGE_QUERY}&${query}`, { page })).total;
}

/** Screenshots once every request has answered and the entry animations have ended; at 1280 px also dark. */
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

describe('the silence page', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`renders in ${locale} at ${width} px: tiles, the trend, the queue and the three small charts in their cards, no console errors`, async () => {
        const p = await open(`/silence?${RANGE_QUERY}`, { width, locale });
        // Trend, template-only, silence before complaint (follow-up silence has no ticket with follow-ups: empty).
        await waitForCharts(p.page, { min: 3 });
        const titles = lang === 'zh' ? ['各渠道沉默率', '各渠道模板敷衍率', '投诉前沉默占比'] : ['Silence rate by channel', 'Template-only replies by channel', 'Silence before complaint'];
        for (const title of titles) await expect.poll(() => chartIn(p.page, title).count(), { message: title }).toBe(1);
        await expect.poll(() => queueRows(p.page).count()).toBe(3);
        expect(await chartsInsideCards(p.page)).toEqual([]);
        await settledScreenshots(p.page, `silence-${lang}-${width}`, width, 3);
        expect(p.errors).toEqual([]);
        await p.close();
      });
    }
  }

  it('shows the API\'s silence rate on its tile, and on a channel filter', async () => {
    const p = await open(`/silence?${RANGE_QUERY}`, { locale: 'en-US' });
    const api = await d.apiGet(`/api/metrics/summary?${RANGE_QUERY}&metrics=silence_rate,silence_before_complaint`, { page: p.page });
    expect(api.metrics.silence_rate.value).toBe(EXPECTED.silence_rate.value);
    await expect.poll(() => tileValue(p.page, 'silence_rate')).toBe('37.5%');
    expect(await p.page.locator('[data-testid="kpi-silence_rate"] .counts').innerText()).toContain('3 / 8');
    expect(await tileValue(p.page, 'silence_before_complaint')).toBe('100.0%');
    await p.page.locator('[data-testid="kpi-silence_rate"] [data-testid="kpi-value"]').click();
    expect(await drawerState(p.page)).toEqual({ metric: 'silence_rate', part: 'numerator', extra: {} });
    expect(await tabTotal(p.page, 'numerator')).toBe('3');
    expect(await tabTotal(p.page, 'denominator')).toBe('8');
    await closeDrawer(p.page);
    // Calls only: 2 of 5; the complaint metrics have no channel and say so.
    const phone = await open(`/silence?${RANGE_QUERY}&channel=phone`, { locale: 'en-US' });
    expect((await d.apiGet(`/api/metrics/summary?${RANGE_QUERY}&channel=phone&metrics=silence_rate`, { page: phone.page })).metrics.silence_rate.value).toBe(EXPECTED.silence_rate_phone.value);
    await expect.poll(() => tileValue(phone.page, 'silence_rate')).toBe('40.0%');
    await expect.poll(() => queueIds(phone.page)).toEqual(['call:C4', 'call:C3']);
    await expect.poll(() => phone.page.locator('[data-testid="before-complaint"]').innerText()).toContain('Does not apply');
    await phone.page.waitForLoadState('networkidle');
    expect(p.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
    await p.close();
    await phone.close();
  });

  it('lists exactly the fixture\'s silent contacts, newest first, and a row opens the case view with its timeline', async () => {
    const p = await open(`/silence?${RANGE_QUERY}`, { locale: 'zh-CN' });
    const api = await d.apiGet(`/api/cases?${RANGE_QUERY}&metric=silence_rate&part=numerator`, { page: p.page });
    expect(api.cases.map((c: { id: string }) => c.id)).toEqual(['T2', 'C4', 'C3']);
    await expect.poll(() => queueIds(p.page)).toEqual(['ticket:T2', 'call:C4', 'call:C3']);
    expect(await p.page.locator('[data-testid="queue-total"]').innerText()).toContain('3');
    // T2: web, opened 10-16 11:00, its 48 h window ended 10-18 11:00 without an agent reply.
    const t2 = await queueRows(p.page).first().innerText();
    expect(t2).toContain('网页/App 工单');
    expect(t2).toContain('2026/10/18 11:00:00');
    // Masked until a compliance or admin user (the fixture's login is admin) asks, which the server audits.
    expect(t2).toContain('****');
    await p.page.locator('[data-testid="silence-queue"] [data-testid="unmask-toggle"]').check();
    await expect.poll(() => queueRows(p.page).first().innerText()).toContain('M7');
    await queueRows(p.page).first().click();
    await p.page.locator('[data-testid="case-view"]').waitFor();
    expect(new URL(p.page.url()).searchParams.get('case')).toBe('ticket:T2');
    const detail = await d.apiGet(`/api/cases/ticket/T2`, { page: p.page });
    await expect.poll(() => p.page.locator('[data-testid="timeline-item"]').count()).toBe(detail.timeline.length);
    // The customer's cross-channel timeline: the ticket's bot reply and the complaint K1 that followed.
    const timeline = await p.page.locator('[data-testid="case-view"]').innerText();
    expect(timeline).toContain('bot_reply');
    expect(timeline).toContain('K1');
    await screenshot(p.page, 'silence-case-view-zh');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('works by keyboard: arrows move between rows, Enter opens, Escape returns to the row', async () => {
    const p = await open(`/silence?${RANGE_QUERY}`, { locale: 'en-US' });
    await expect.poll(() => queueRows(p.page).count()).toBe(3);
    await queueRows(p.page).first().focus();
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press('Enter');
    await p.page.locator('[data-testid="case-view"]').waitFor();
    expect(new URL(p.page.url()).searchParams.get('case')).toBe('call:C4');
    await expect.poll(() => p.page.locator('[data-testid="timeline-item"]').count()).toBeGreaterThan(0);
    await p.page.keyboard.press('Escape');
    await p.page.locator('[data-testid="case-view"]').waitFor({ state: 'detached' });
    await expect.poll(() => p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe('call:C4');
    await p.page.keyboard.press('ArrowDown');
    await p.page.keyboard.press(' ');
    await expect.poll(() => new URL(p.page.url()).searchParams.get('case')).toBe('call:C3');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('keeps the queue\'s quick filters in the URL, on top of the global ones', async () => {
    const p = await open(`/silence?${RANGE_QUERY}&qf.channel=web`, { locale: 'en-US' });
    await expect.poll(() => queueIds(p.page)).toEqual(['ticket:T2']);
    // Options come from GET /api/metrics/dimension-values; choosing one is a URL change.
    await p.page.locator('[data-testid="silence-queue"] [data-testid="filter-channel"] button').first().click();
    await p.page.locator('[data-testid="silence-queue"] [data-testid="filter-channel"] label', { hasText: 'Phone' }).click();
    await expect.poll(() => new URL(p.page.url()).searchParams.get('qf.channel')).toBe('web,phone');
    await expect.poll(() => queueIds(p.page)).toEqual(['ticket:T2', 'call:C4', 'call:C3']);
    await p.page.locator('[data-testid="silence-queue"] [data-testid="filter-channel"] label', { hasText: 'Web' }).click();
    await expect.poll(() => queueIds(p.page)).toEqual(['call:C4', 'call:C3']);
    await p.page.goBack();
    await expect.poll(() => queueIds(p.page)).toEqual(['ticket:T2', 'call:C4', 'call:C3']);
    // A quick filter outside the global one: nothing can match, and the card says why.
    const none = await open(`/silence?${RANGE_QUERY}&channel=phone&qf.channel=web`, { locale: 'en-US' });
    await expect.poll(() => none.page.locator('[data-testid="silence-queue"] [data-testid="empty-state"]').innerText()).toContain('no value in common');
    expect(p.errors).toEqual([]);
    expect(none.errors).toEqual([]);
    await p.close();
    await none.close();
  });

  it('opens the silent contacts of a trend point (period and channel) and of a complaint source', async () => {
    const p = await open(`/silence?${RANGE_QUERY}`, { locale: 'zh-CN' });
    await waitForCharts(p.page, { min: 3 });
    await p.page.waitForTimeout(1200);
    const trend = chartIn(p.page, '各渠道沉默率');
    const box = await visibleBox(trend);
    // Friday 10-16: T2 (web) silent, 100 %, the highest point of that day.
    const x = await scanFor(p.page, trend, 'x', box.y + box.height / 2, async () => (await tooltipText(trend)).startsWith('2026年10月16日'), 8);
    const y = await scanFor(p.page, trend, 'y', x, () => pointerCursor(trend), 2);
    await p.page.mouse.click(x, y);
    expect(await drawerState(p.page)).toEqual({ metric: 'silence_rate', part: 'numerator', extra: { 'cf.channel': 'web' } });
    const url = new URL(p.page.url());
    expect([url.searchParams.get('cfrom'), url.searchParams.get('cto')]).toEqual(['2026-10-15T16:00:00.000Z', '2026-10-16T16:00:00.000Z']);
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    await expect.poll(() => p.page.locator('[data-testid="cases-drawer"] [data-testid="case-row"]').allInnerTexts()).toEqual([expect.stringContaining('T2')]);
    await closeDrawer(p.page);
    await clickBar(p.page, chartIn(p.page, '投诉前沉默占比'), '全国12315平台', true);
    expect(await drawerState(p.page)).toEqual({ metric: 'silence_before_complaint', part: 'numerator', extra: { 'cf.source': '12315' } });
    expect(await tabTotal(p.page, 'numerator')).toBe(String(await apiTotal(p.page, 'metric=silence_before_complaint&part=numerator&source=12315')));
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});

describe('the complaints page', () => {
  for (const [locale, lang] of LOCALES) {
    for (const width of WIDTHS) {
      it(`renders in ${locale} at ${width} px: tiles, by source and outcome, timeliness, amount, silence before; no console errors`, async () => {
        const p = await open(`/complaints?${RANGE_QUERY}`, { width, locale });
        await waitForCharts(p.page, { min: 4 });
        const titles = lang === 'zh' ? ['各来源投诉量', '投诉前沉默占比', '各来源投诉及时响应率', '各来源投诉涉及金额'] : ['Complaints by source and outcome', 'Silence before complaint', 'Timely response by source', 'Amount at stake by source'];
        for (const title of titles) await expect.poll(() => chartIn(p.page, title).count(), { message: title }).toBe(1);
        expect(await chartsInsideCards(p.page)).toEqual([]);
        await settledScreenshots(p.page, `complaints-${lang}-${width}`, width, 4);
        expect(p.errors).toEqual([]);
        await p.close();
      });
    }
  }

  it('shows the API\'s values on its tiles, the fixture\'s hand-counted numbers', async () => {
    const p = await open(`/complaints?${RANGE_QUERY}`, { locale: 'zh-CN' });
    const metrics = ['complaints', 'complaint_amount', 'complaint_timely_response', 'silence_before_complaint', 'complaint_rate'] as const;
    const api = await d.apiGet(`/api/metrics/summary?${RANGE_QUERY}&metrics=${metrics.join(',')}`, { page: p.page });
    for (const m of metrics) expect(api.metrics[m].value, m).toBe(EXPECTED[m].value);
    await expect.poll(() => tileValue(p.page, 'complaints')).toBe('1');
    expect(await tileValue(p.page, 'complaint_amount')).toBe('¥98.00');
    expect(await tileValue(p.page, 'complaint_timely_response')).toBe('100.0%');
    expect(await tileValue(p.page, 'silence_before_complaint')).toBe('100.0%');
    expect(await tileValue(p.page, 'complaint_rate')).toBe('125‰');
    expect(await p.page.locator('[data-testid="kpi-complaint_rate"] .counts').innerText()).toContain('1 / 8');
    await p.page.locator('[data-testid="kpi-complaint_amount"] [data-testid="kpi-value"]').click();
    expect(await drawerState(p.page)).toEqual({ metric: 'complaint_amount', part: 'numerator', extra: {} });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('opens the complaints of a source and outcome from the stacked bar, then of a timeliness and an amount bar', async () => {
    const p = await open(`/complaints?${RANGE_QUERY}`, { locale: 'zh-CN' });
    await waitForCharts(p.page, { min: 4 });
    await p.page.waitForTimeout(1200);
    // K1: 12315, still open at the time of evaluation.
    await clickBar(p.page, chartIn(p.page, '各来源投诉量'), '全国12315平台', true, 0.6);
    expect(await drawerState(p.page)).toEqual({ metric: 'complaints', part: 'numerator', extra: { 'cf.source': '12315', 'cf.outcome': 'open' } });
    expect(await tabTotal(p.page, 'numerator')).toBe(String(await apiTotal(p.page, 'metric=complaints&part=numerator&source=12315&outcome=open')));
    await expect.poll(() => p.page.locator('[data-testid="cases-drawer"] [data-testid="case-row"]').allInnerTexts()).toEqual([expect.stringContaining('K1')]);
    // The drawer names the segment's source and outcome by their labels.
    expect(await p.page.locator('[data-testid="cases-drawer"] [data-testid="cases-scope"]').innerText()).toContain('全国12315平台');
    expect(await p.page.locator('[data-testid="cases-drawer"] [data-testid="cases-scope"]').innerText()).toContain('处理中');
    await screenshot(p.page, 'complaints-drawer-zh');
    await closeDrawer(p.page);
    await clickBar(p.page, chartIn(p.page, '各来源投诉及时响应率'), '全国12315平台', true, 0.4);
    expect(await drawerState(p.page)).toEqual({ metric: 'complaint_timely_response', part: 'denominator', extra: { 'cf.source': '12315' } });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(await tabTotal(p.page, 'denominator_only')).toBe('0');
    await closeDrawer(p.page);
    await clickBar(p.page, chartIn(p.page, '各来源投诉涉及金额'), '全国12315平台', true, 0.4);
    expect(await drawerState(p.page)).toEqual({ metric: 'complaint_amount', part: 'numerator', extra: { 'cf.source': '12315' } });
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('relabels titles, sources and outcomes when the language is switched', async () => {
    const p = await open(`/complaints?${RANGE_QUERY}`, { locale: 'zh-CN' });
    await waitForCharts(p.page, { min: 4 });
    await p.page.waitForTimeout(1200);
    /** The stacked chart's tooltip over its one bar (the middle of the plot). */
    const stackTip = (title: string) => async () => {
      const chart = chartIn(p.page, title);
      const box = await visibleBox(chart);
      await p.page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height * 0.6);
      await p.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
      return tooltipText(chart);
    };
    await expect.poll(stackTip('各来源投诉量')).toContain('全国12315平台');
    expect(await stackTip('各来源投诉量')()).toContain('处理中');
    await p.page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => p.page.locator('h1').innerText()).toBe('Complaints');
    await expect.poll(stackTip('Complaints by source and outcome')).toContain('National 12315 platform');
    expect(await stackTip('Complaints by source and outcome')()).toContain('Open');
    expect(await p.page.locator('[data-testid="kpi-complaint_amount"] h3').innerText()).toBe('Amount at stake');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('names the global filter complaints do not have instead of failing', async () => {
    const p = await open(`/complaints?${RANGE_QUERY}&channel=phone`, { locale: 'en-US' });
    const empty = p.page.locator('[data-testid="chart-card"] [data-testid="empty-state"]');
    await expect.poll(() => empty.count()).toBe(4);
    expect(await empty.first().innerText()).toContain('Channel');
    await p.page.waitForLoadState('networkidle');
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
