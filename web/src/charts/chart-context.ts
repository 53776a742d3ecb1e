/**
 * What a chart builder gets from its caller besides data: the theme mode, the
 * words (zh or en, from the page's i18n) and the number/time formatters. Builders
 * never format or translate on their own, so one builder serves both languages.
 */
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export interface ChartContext {
  theme: 'light' | 'dark';
  labels: Record<string, string>;
  fmt: { value(v: number | null, unit: string): string; count(n: number): string; time(iso: string): string };
}

/** One period of GET /api/metrics/series (server/metrics/API.md). */
export interface SeriesPoint {
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  pending: number;
}

/** Metric units (server/metrics/metric-types.ts). */
export type ChartUnit = 'ratio' | 'per_1000' | 'seconds' | 'count' | 'cny';

/** The option shape the builders return: only what echarts-setup.ts registers. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
  | MarkLineComponentOption
  | DatasetComponentOption
  | TitleComponentOption
>;

/**
 * Every ctx.labels key a builder reads, with the English text used when the caller
 * leaves it out. Display names of dimension values (a group, a matrix row or
 * column) are looked up as `name.<value>` (e.g. `name.phone` = '电话') and default to
 * the value itself.
 */
export const CHART_LABEL_DEFAULTS = Object.freeze({
  all: 'All',
  previous: 'Previous period',
  pending: 'pending',
  target: 'Target',
  count: 'Count',
  share: 'Share',
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
});

export type ChartLabelKey = keyof typeof CHART_LABEL_DEFAULTS;

/** ctx.labels[key], or its English default. */
export function chartLabel(ctx: ChartContext, key: ChartLabelKey): string {
  return ctx.labels[key] ?? CHART_LABEL_DEFAULTS[key];
}

/** The display name of a dimension value: ctx.labels['name.<value>'] or the value. */
export function displayName(ctx: ChartContext, value: string): string {
  return ctx.labels[`name.${value}`] ?? value;
}
