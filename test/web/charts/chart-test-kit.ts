/**
 * What the chart tests share: a ChartContext with real Intl formatting (as the
 * dashboard's formatters do: '37.5%', '1,234', '—' for a missing value) and a
 * headless render through the same echarts-setup.ts the dashboard uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from '../../../web/src/charts/echarts-setup.ts';
import type { ChartContext, ChartOption } from '../../../web/src/charts/chart-context.ts';
import { themeName } from '../../../web/src/charts/theme.ts';

// The dashboard ships the canvas renderer only; headless rendering in node needs SVG.
echarts.use([SVGRenderer]);

const pct = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function value(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '—';
  if (unit === 'ratio') return pct.format(v);
  if (unit === 'count') return int.format(v);
  if (unit === 'seconds') return `${dec.format(v)} s`;
  if (unit === 'cny') return `¥${dec.format(v)}`;
  if (unit === 'per_1000') return `${dec.format(v)}‰`;
  return dec.format(v);
}

/** English labels as a page would pass them (a few differ from the defaults, to see they are used). */
export const LABELS_EN: Record<string, string> = {
  all: 'All contacts',
  previous: 'Last week',
  pending: 'pending',
  mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun',
  'name.phone': 'Phone',
};

/** A context like the dashboard's: period labels shown as MM-DD. */
export function testContext(theme: 'light' | 'dark' = 'light', labels: Record<string, string> = LABELS_EN): ChartContext {
  return {
    theme,
    labels,
    fmt: { value, count: (n) => int.format(n), time: (iso) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.slice(5) : iso) },
  };
}

export type Chart = ReturnType<typeof echarts.init>;

/** Renders an option headless (SVG, SSR, no animation) and returns the chart and its SVG. */
export function renderChart(option: ChartOption, theme: 'light' | 'dark' = 'light', size = { width: 600, height: 300 }): { chart: Chart; svg: string } {
  const chart = echarts.init(null, themeName(theme), { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  chart.setOption({ ...option, animation: false });
  return { chart, svg: chart.renderToSVGString() };
}

/** Every text node of an SVG, unescaped, in document order. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescapeXml(m[1] ?? ''));
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Writes an SVG for a human to look at when CHART_SVG_DIR is set (e.g. /tmp/charts). */
export function keepSvg(name: string, svg: string): void {
  const dir = process.env.CHART_SVG_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.svg`), svg);
}

/**
 * The params ECharts itself hands a tooltip formatter or a click handler for one
 * data item (the same getDataParams the tooltip component calls).
 */
export function dataParams(chart: Chart, seriesIndex: number, dataIndex: number): Record<string, unknown> {
  const model = (chart as unknown as { getModel(): { getSeriesByIndex(i: number): { getDataParams(i: number): Record<string, unknown> } } }).getModel();
  return model.getSeriesByIndex(seriesIndex).getDataParams(dataIndex);
}

/** The text of the chart's tooltip for these params (an axis tooltip gets an array), tags removed. */
export function tooltipText(chart: Chart, params: unknown): string {
  const tooltip = (chart.getOption() as { tooltip: { formatter: (p: unknown) => string }[] }).tooltip[0];
  if (!tooltip) throw new Error('the option has no tooltip');
  return plainText(tooltip.formatter(params));
}

/** HTML to the text a reader sees: tags out, <br> and <div> as line breaks, entities decoded. */
export function plainText(html: string): string {
  return unescapeXml(html.replace(/<br\s*\/?>|<\/div>/g, '\n').replace(/<[^>]+>/g, '')).trim();
}

/** The filled data items of one series (heatmap cells, bars, symbols; not lines): data index, fill, path. */
export function drawnItems(svg: string, seriesIndex: number): { dataIndex: number; fill: string; d: string }[] {
  const out: { dataIndex: number; fill: string; d: string }[] = [];
  for (const m of svg.matchAll(/<path [^>]*ecmeta_series_index="(\d+)"[^>]*>/g)) {
    const tag = m[0];
    const fill = / fill="([^"]+)"/.exec(tag)?.[1] ?? '';
    if (Number(m[1]) !== seriesIndex || fill === 'none') continue;
    out.push({ dataIndex: Number(/ecmeta_data_index="(\d+)"/.exec(tag)?.[1]), fill: toRgb(fill), d: /d="([^"]+)"/.exec(tag)?.[1] ?? '' });
  }
  return out;
}

/** The stroked lines of an SVG (series lines, not symbols or areas): d, stroke, dashed. */
export function strokedPaths(svg: string): { d: string; stroke: string; dashed: boolean }[] {
  return [...svg.matchAll(/<path d="([^"]+)" fill="none"[^>]*stroke="([^"]+)"[^>]*>/g)].map((m) => ({
    d: m[1] ?? '',
    stroke: toRgb(m[2] ?? ''),
    dashed: m[0].includes('stroke-dasharray'),
  }));
}

/** '#1f63d8' or 'rgb(31,99,216)' as 'rgb(31,99,216)', to compare colours ECharts may write either way. */
export function toRgb(colour: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (!hex) return colour.replace(/\s+/g, '');
  const n = parseInt(hex[1] ?? '0', 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}
