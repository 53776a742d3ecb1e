// The trends page in Chromium over the fixture warehouse (fixture.ts): the metric,
// grain and group-by selects each change the URL and redraw the chart and its
// table with what GET /api/metrics/series answers; back restores each previous
// choice; a point of the line opens the cases of its period.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Series } from '../../web/src/lib/api-types.ts';
import { RANGE_QUERY, clickLinePoint, drawerState, openSignedIn, query, settle, tabTotal, uiFormat } from './core-helpers.ts';
import { chartsInsideCards, screenshot, useDashboard, waitForCharts } from './dashboard.ts';
import { EXPECTED } from './fixture.ts';

const d = useDashboard();
const f = uiFormat('en');

/** The trend table's rows as text cells: period, then the values (and counts, ungrouped). */
function tableRows(page: Page): Promise<string[][]> {
  return page.locator('[data-testid="trend-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())),
  );
}

/** What the table should show for a series answer, formatted as the page formats it. */
function expectedRows(s: Series): string[][] {
  return s.periods.map((period, i) => {
    const cells = [f.period(period.label)];
    for (const g of s.series) {
      const p = g.points[i]!;
      cells.push(f.value(p.value, s.unit));
      if (s.group_by === null) {
        if (p.denominator !== null && s.unit === 'ratio') cells.push(f.count(p.numerator), f.count(p.denominator));
        cells.push(f.count(p.pending));
      }
    }
    return cells;
  });
}

async function series(page: Page, params: string): Promise<Series> {
  return d.apiGet<Series>(`/api/metrics/series?${RANGE_QUERY}&${params}`, { page });
}

/** A picture of the chart's canvas, to tell that it was drawn again. */
async function chartPicture(page: Page): Promise<string> {
  await waitForCharts(page);
  await page.waitForTimeout(1200);
  return (await page.locator('[data-testid="echart"]').screenshot()).toString('base64');
}

describe('the trends page', () => {
  it('changes the URL, the chart and the table with each select, and back restores each previous choice', async () => {
    const p = await openSignedIn(d, `/trends?${RANGE_QUERY}`, { locale: 'en-US' });
    const page = p.page;
    const title = page.locator('[data-testid="chart-card"] h2');
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(await series(page, 'metric=silence_rate&grain=day')));
    expect(await title.innerText()).toBe('Silence rate');
    expect(await chartsInsideCards(page)).toEqual([]);
    const silence = await chartPicture(page);
    await screenshot(page, 'trends-en-1280');

    await page.locator('[data-testid="metric-select"]').selectOption('answer_rate');
    expect(query(page).get('metric')).toBe('answer_rate');
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(await series(page, 'metric=answer_rate&grain=day')));
    expect(await title.innerText()).toBe('Answer rate');
    const answer = await chartPicture(page);
    expect(answer).not.toBe(silence);

    await page.locator('[data-testid="grain-select"]').selectOption('week');
    expect(query(page).get('grain')).toBe('week');
    const weekly = await series(page, 'metric=answer_rate&grain=week');
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(weekly));
    // The fixture's one week: C1, C2 answered of C1, C2, C3, C5 offered.
    expect(weekly.series[0]!.points.map((x) => [x.numerator, x.denominator])).toEqual([[EXPECTED.answer_rate.numerator, EXPECTED.answer_rate.denominator]]);
    const week = await chartPicture(page);
    expect(week).not.toBe(answer);

    await page.locator('[data-testid="group-select"]').selectOption('queue');
    expect(query(page).get('group_by')).toBe('queue');
    const byQueue = await series(page, 'metric=answer_rate&grain=week&group_by=queue');
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(byQueue));
    const headers = await page.locator('[data-testid="trend-table"] thead th').allInnerTexts();
    expect(headers.slice(1).sort()).toEqual(byQueue.series.map((s) => s.group).sort());
    expect(await chartPicture(page)).not.toBe(week);
    expect(await chartsInsideCards(page)).toEqual([]);
    await screenshot(page, 'trends-en-1280-grouped');

    // Back, step by step: the group-by, the grain, the metric.
    await page.goBack();
    await expect.poll(() => query(page).get('group_by')).toBeNull();
    expect(await page.locator('[data-testid="group-select"]').inputValue()).toBe('');
    await expect.poll(() => tableRows(page)).toEqual(expectedRows(weekly));
    await page.goBack();
    await expect.poll(() => query(page).get('grain')).toBeNull();
    expect(await page.locator('[data-testid="grain-select"]').inputValue()).toBe('day');
    await page.goBack();
    await expect.poll(() => query(page).get('metric')).toBeNull();
    expect(await page.locator('[data-testid="metric-select"]').inputValue()).toBe('silence_rate');
    await expect.poll(() => title.innerText()).toBe('Silence rate');
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('opens the cases of a point\'s period: Friday 10-16, T2 silent of T1 and T2', async () => {
    const p = await openSignedIn(d, `/trends?${RANGE_QUERY}`, { locale: 'en-US' });
    const daily = await series(p.page, 'metric=silence_rate&grain=day');
    const friday = daily.periods.find((x) => x.label === '2026-10-16')!;
    await waitForCharts(p.page);
    await p.page.waitForTimeout(1200);
    const chart = p.page.locator('[data-testid="echart"]');
    await clickLinePoint(p.page, chart, f.period(friday.label), () => query(p.page).has('cases'));
    expect(await drawerState(p.page)).toEqual({ metric: 'silence_rate', part: 'numerator', from: friday.start, to: friday.end, extra: {} });
    const total = async (part: string) =>
      (await d.apiGet<{ total: number }>(`/api/cases?metric=silence_rate&part=${part}&from=${friday.start}&to=${friday.end}`, { page: p.page })).total;
    expect(await total('numerator')).toBe(1);
    expect(await tabTotal(p.page, 'numerator')).toBe('1');
    expect(await tabTotal(p.page, 'denominator')).toBe(String(await total('denominator')));
    expect(await tabTotal(p.page, 'denominator')).toBe('2');
    const ids = await p.page.locator('[data-testid="case-row"] td.mono:nth-child(3)').allInnerTexts();
    expect(ids).toEqual(['T2']);
    await settle(p.page);
    await screenshot(p.page, 'trends-point-cases-en-1280');
    // Back closes the drawer and leaves the chart as it was.
    await p.page.goBack();
    await p.page.locator('[data-testid="cases-drawer"]').waitFor({ state: 'detached' });
    expect(query(p.page).has('cfrom')).toBe(false);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
