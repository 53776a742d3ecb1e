/**
 * Helpers shared by the core pages' browser tests (overview, trends, navigation,
 * settings/ETL, bundle size), on top of dashboard.ts: the fixture's range as a
 * query, the formatters the dashboard itself uses (so an expected tile text is
 * what the UI would print for the API's number), tiles, the cases drawer, and a
 * click on a trend chart's point found through its tooltip.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Summary } from '../../web/src/lib/api-types.ts';
import { createFormatters, type Formatters } from '../../web/src/lib/formatters.ts';
import { translate, type MessageKey, type Params } from '../../web/src/lib/i18n/translate.ts';
import type { Lang } from '../../web/src/lib/lang.ts';
import { DASHBOARD_TOKEN_KEY, type Dashboard, type OpenPageOptions, type OpenedPage } from './dashboard.ts';
import { FIXTURE_TIME_ZONE, RANGE } from './fixture.ts';

export const RANGE_QUERY = `from=${RANGE.from}&to=${RANGE.to}`;
export const LOCALES = [['zh-CN', 'zh'], ['en-US', 'en']] as const;
export const WIDTHS = [1280, 1920] as const;

/** The dashboard's own formatters for a language, in the platform zone the server reports. */
export function uiFormat(lang: Lang): Formatters {
  return createFormatters(lang, FIXTURE_TIME_ZONE);
}

/** A message of the dashboard's catalogue, as the page shows it in `lang`. */
export function msg(lang: Lang, key: MessageKey, params?: Params): string {
  return translate(lang, key, params);
}

/**
 * d.openPage, then until the page has stored the token its login answered with:
 * openPage returns on the login response, a moment before the page's script
 * stores the token that d.apiGet({ page }) reads.
 */
export async function openSignedIn(d: Dashboard, path: string, opts: OpenPageOptions = {}): Promise<OpenedPage> {
  const p = await d.openPage(path, opts);
  await p.page.waitForFunction((key) => !!localStorage.getItem(key), DASHBOARD_TOKEN_KEY, { timeout: 10_000 });
  return p;
}

/** The query of the page's current URL. */
export function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

export function tile(page: Page, metric: string): Locator {
  return page.locator(`[data-testid="kpi-${metric}"]`);
}

/** A tile's value once its summary has arrived ('…' while loading). */
export async function tileValue(page: Page, metric: string): Promise<string> {
  const value = tile(page, metric).locator('[data-testid="kpi-value"]');
  await expect.poll(() => value.innerText(), { timeout: 15_000, message: `tile ${metric}` }).not.toBe('…');
  return (await value.innerText()).trim();
}

/** The drawer's URL state: metric, part, narrower range and extra filters. */
export async function drawerState(page: Page) {
  await page.locator('[data-testid="cases-drawer"]').waitFor();
  const q = query(page);
  const extra = Object.fromEntries([...q].filter(([k]) => k.startsWith('cf.')));
  return { metric: q.get('cases'), part: q.get('part'), from: q.get('cfrom'), to: q.get('cto'), extra };
}

/** The total a drawer tab shows once its count has loaded. */
export async function tabTotal(page: Page, part: string): Promise<string> {
  const n = page.locator(`[data-testid="cases-tab-${part}"] .n`);
  await expect.poll(() => n.innerText(), { timeout: 10_000, message: `tab ${part}` }).not.toBe('…');
  return (await n.innerText()).trim();
}

/** Every request answered and the charts' entry animations (about a second) over, for screenshots. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1200);
}

/** Console errors other than the browser's note on an HTTP error status the test provoked on purpose. */
export function unexpected(errors: string[], ...provoked: number[]): string[] {
  return errors.filter((e) => !provoked.some((s) => e.includes(`status of ${s}`)));
}

/** Text of the ECharts tooltip inside a chart ('' when none shows): ECharts gives it z-index 9999999. */
function tooltipText(chart: Locator): Promise<string> {
  return chart.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('div')]
      .filter((div) => div.style.zIndex === '9999999' && div.style.visibility !== 'hidden' && div.style.display !== 'none')
      .map((div) => div.innerText)
      .join('\n'),
  );
}

/**
 * Clicks the point of a line chart (axis tooltip) at the period whose tooltip
 * title is `title`. The canvas has no DOM to query and the page does not expose
 * the ECharts instance, so the mouse finds it: across the plot in 24 px steps
 * (a column of the charts tested is wider) to the column the tooltip snaps to,
 * whose edges (refined pixel by pixel) have the point's x in their middle;
 * then down that column, clicking wherever
 * zrender shows the pointer cursor, until `opened()` says the click did something.
 */
export async function clickLinePoint(page: Page, chart: Locator, title: string, opened: () => boolean): Promise<void> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const midY = box.y + box.height / 2;
  const hits = async (x: number) => {
    await page.mouse.move(x, midY);
    return (await tooltipText(chart)).split('\n')[0]?.trim() === title;
  };
  const [left, right] = [box.x + 2, box.x + box.width - 2];
  let first = -1;
  let last = -1;
  for (let x = left; x < right; x += 24) {
    if (await hits(x)) {
      if (first < 0) first = x;
      last = x;
    } else if (first >= 0) break;
  }
  if (first < 0) throw new Error(`no column of the chart shows the tooltip "${title}"`);
  while (first - 1 >= left && (await hits(first - 1))) first -= 1;
  while (last + 1 < right && (await hits(last + 1))) last += 1;
  const x = (first + last) / 2;
  const root = chart.locator('canvas').first();
  for (let y = box.y + 2; y < box.y + box.height - 2; y += 2) {
    await page.mouse.move(x, y);
    if ((await root.evaluate((c) => c.parentElement?.style.cursor ?? '')) !== 'pointer') continue;
    await page.mouse.click(x, y);
    await page.waitForTimeout(50);
    if (opened()) return;
  }
  throw new Error(`no point of the chart at "${title}" opened anything when clicked`);
}

/**
 * Every tile of `metrics` shows what `summary` (an API answer) says, as the UI
 * formats it in `lang`: the value in its unit, or '—' where a filter does not
 * apply to the metric.
 */
export async function expectTilesMatch(page: Page, lang: Lang, summary: Summary, metrics: readonly string[]): Promise<void> {
  const f = uiFormat(lang);
  for (const metric of metrics) {
    const entry = summary.metrics[metric]!;
    const shown = 'value' in entry ? f.value(entry.value, entry.unit) : '—';
    await expect.poll(() => tileValue(page, metric), { timeout: 15_000, message: metric }).toBe(shown);
  }
}
