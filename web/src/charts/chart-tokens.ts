/**
 * Design tokens of every chart, one set per theme. They repeat the CSS variables of
 * ../app.css (a canvas cannot read CSS variables) plus what only charts need: a
 * series palette and the cell scales of heatmaps. This is the only file under
 * charts/ with colour literals; builders and the theme read colours from here.
 */

export type ChartMode = 'light' | 'dark';

export interface ChartTokens {
  /** Series colours, in order (one per group; the previous period reuses its group's colour). */
  palette: string[];
  /** The card surface (--surface), so an exported chart looks like the card it came from. */
  background: string;
  text: string;
  textMuted: string;
  axisLine: string;
  splitLine: string;
  tooltipBackground: string;
  tooltipBorder: string;
  accent: string;
  /** The dashed target line of bar charts. */
  target: string;
  /** Cells of a heatmap with no denominator (nothing to measure). */
  emptyCell: string;
  /** The gap between heatmap cells. */
  cellBorder: string;
  /** Sequential scale of the hour-of-week heatmap, low to high. */
  heat: string[];
  /**
   * Cell colours that printed values stay readable on (text colour on top):
   * against a target good / near miss / bad; without one, low to high.
   */
  cell: { good: string; near: string; bad: string; low: string; high: string };
  loadingMask: string;
  fontFamily: string;
}

const FONT = "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

export const CHART_TOKENS: Readonly<Record<ChartMode, ChartTokens>> = Object.freeze({
  light: {
    palette: ['#1f63d8', '#e8743b', '#18915f', '#8e5ad1', '#0f95a6', '#d0466a', '#6a7f8c', '#b08000'],
    background: '#ffffff',
    text: '#1d2129',
    textMuted: '#5f6b7a',
    axisLine: '#c4cad3',
    splitLine: '#eceff3',
    tooltipBackground: '#ffffff',
    tooltipBorder: '#dfe3e8',
    accent: '#1f63d8',
    target: '#c9252d',
    emptyCell: '#f0f2f5',
    cellBorder: '#ffffff',
    heat: ['#fdf3e1', '#f6b26b', '#e0603a', '#b3202a'],
    cell: { good: '#cdebd9', near: '#fbe5b6', bad: '#f7c6c8', low: '#eef3fc', high: '#a9c6f5' },
    loadingMask: 'rgba(255, 255, 255, 0.7)',
    fontFamily: FONT,
  },
  dark: {
    palette: ['#5b9bff', '#ff9e5e', '#3fc98a', '#b68cf0', '#4cc3d1', '#f27c97', '#9fb2bd', '#e0b43c'],
    background: '#171b21',
    text: '#e5e8ec',
    textMuted: '#9aa4b1',
    axisLine: '#3a424e',
    splitLine: '#252b34',
    tooltipBackground: '#1f242c',
    tooltipBorder: '#2c333d',
    accent: '#5b9bff',
    target: '#f26b6b',
    emptyCell: '#1f242c',
    cellBorder: '#171b21',
    heat: ['#2a2620', '#7a4b1f', '#c2562f', '#f26b6b'],
    cell: { good: '#1d4a34', near: '#5a4416', bad: '#5e2327', low: '#1d2633', high: '#2c4f86' },
    loadingMask: 'rgba(23, 27, 33, 0.7)',
    fontFamily: FONT,
  },
});

/** The tokens of one mode. */
export function chartTokens(mode: ChartMode): ChartTokens {
  return CHART_TOKENS[mode];
}
