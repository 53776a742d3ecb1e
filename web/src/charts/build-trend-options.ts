/**
 * A metric over time (GET /api/metrics/series): one line per group, the previous
 * period as dashed lines of the same colour aligned by index (day 1 over day 1), so
 * "did last week get better" is read off one chart. A rate with a zero denominator
 * has value null and leaves a gap; it is never drawn as 0.
 */
import type { LineSeriesOption } from 'echarts/charts';
import { chartLabel, displayName, type ChartContext, type ChartOption, type ChartUnit, type SeriesPoint } from './chart-context.ts';
import { chartTokens } from './chart-tokens.ts';
import { countsText, tooltipRow, tooltipTitle } from './chart-text.ts';

export interface TrendSeries {
  group: string | null;
  points: SeriesPoint[];
}

export interface TrendInput {
  unit: ChartUnit;
  /** The current range's period labels: the x axis. */
  periods: string[];
  current: TrendSeries[];
  previous?: TrendSeries[];
}

/** What a click on a point gets back as `data`: enough to open the cases behind it. */
export interface TrendDatum {
  value: number | null;
  group: string | null;
  period: string;
  previous: boolean;
  numerator: number | null;
  denominator: number | null;
  pending: number;
}

interface AxisParam {
  marker?: unknown;
  seriesName?: string;
  data?: unknown;
  dataIndex?: number;
}

function data(series: TrendSeries, length: number, previous: boolean): TrendDatum[] {
  return series.points.slice(0, length).map((p) => ({
    value: p.value,
    group: series.group,
    period: p.period,
    previous,
    numerator: p.numerator,
    denominator: p.denominator,
    pending: p.pending,
  }));
}

function tooltip(input: TrendInput, ctx: ChartContext) {
  return (raw: unknown): string => {
    const params = (Array.isArray(raw) ? raw : [raw]) as AxisParam[];
    const index = params[0]?.dataIndex ?? 0;
    const rows = params.map((p) => {
      const d = p.data as TrendDatum | undefined;
      if (!d) return '';
      const when = d.previous ? ` (${ctx.fmt.time(d.period)})` : '';
      const value = ctx.fmt.value(d.value, input.unit);
      return tooltipRow(String(p.marker ?? ''), `${p.seriesName ?? ''}${when}`, value, countsText(d, input.unit, ctx));
    });
    return tooltipTitle(ctx.fmt.time(input.periods[index] ?? '')) + rows.filter(Boolean).join('<br>');
  };
}

/**
 * Line chart of a series response, with the previous period dashed.
 *
 * @example
 * buildTrendOptions({ unit: 'ratio', periods: ['2026-10-01'], current: [{ group: null, points }] }, ctx)
 */
export function buildTrendOptions(input: TrendInput, ctx: ChartContext): ChartOption {
  const palette = chartTokens(ctx.theme).palette;
  const length = input.periods.length;
  const showSymbol = length <= 62;
  const nameOf = (group: string | null) => (group === null ? chartLabel(ctx, 'all') : displayName(ctx, group));
  const line = (s: TrendSeries, i: number, previous: boolean): LineSeriesOption => {
    const color = palette[i % palette.length];
    return {
      type: 'line',
      name: previous ? `${nameOf(s.group)} · ${chartLabel(ctx, 'previous')}` : nameOf(s.group),
      data: data(s, length, previous),
      connectNulls: false,
      showSymbol,
      z: previous ? 1 : 2,
      itemStyle: { color, opacity: previous ? 0.6 : 1 },
      lineStyle: { color, type: previous ? 'dashed' : 'solid', width: previous ? 1.5 : 2, opacity: previous ? 0.7 : 1 },
    };
  };
  const series = [
    ...input.current.map((s, i) => line(s, i, false)),
    ...(input.previous ?? []).map((s, i) => line(s, matchIndex(input.current, s, i), true)),
  ];
  return {
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { show: series.length > 1, type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', confine: true, formatter: tooltip(input, ctx) },
    xAxis: { type: 'category', data: [...input.periods], boundaryGap: false, axisLabel: { formatter: (v: string) => ctx.fmt.time(v) } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => ctx.fmt.value(v, input.unit) } },
    series,
  };
}

/** A previous-period line takes the colour of the current line of the same group. */
function matchIndex(current: TrendSeries[], prev: TrendSeries, fallback: number): number {
  const i = current.findIndex((s) => s.group === prev.group);
  return i >= 0 ? i : current.length + fallback;
}
