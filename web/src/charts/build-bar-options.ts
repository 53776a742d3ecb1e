/**
 * Bars by category: grouped (service level by queue, with the target as a dashed
 * line) or stacked (complaints by source, stacked by outcome; series sharing a
 * `stack` name stack). Horizontal bars list the first category at the top. Each
 * bar carries its category key and series name, the two filters that open the
 * cases behind it.
 */
import type { BarSeriesOption } from 'echarts/charts';
import { chartLabel, type ChartContext, type ChartOption, type ChartUnit } from './chart-context.ts';
import { chartTokens } from './chart-tokens.ts';
import { countsText, tooltipRow, tooltipTitle } from './chart-text.ts';

export interface BarValue {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface BarSeries {
  name: string;
  stack?: string;
  /** One per category, in the categories' order. */
  values: BarValue[];
}

export interface BarInput {
  categories: { key: string; label: string }[];
  series: BarSeries[];
  unit: ChartUnit;
  horizontal?: boolean;
  target?: number;
}

/** A click's `data`. */
export interface BarDatum {
  value: number | null;
  category: string;
  series: string;
  numerator: number | null;
  denominator: number | null;
}

function tooltip(input: BarInput, ctx: ChartContext) {
  return (raw: unknown): string => {
    const params = (Array.isArray(raw) ? raw : [raw]) as { data?: BarDatum; marker?: unknown; seriesName?: string; dataIndex?: number }[];
    const category = input.categories[params[0]?.dataIndex ?? 0]?.label ?? '';
    const rows = params
      .filter((p) => p.data)
      .map((p) => {
        const d = p.data as BarDatum;
        return tooltipRow(String(p.marker ?? ''), p.seriesName ?? '', ctx.fmt.value(d.value, input.unit), countsText(d, input.unit, ctx));
      });
    return tooltipTitle(category) + rows.join('<br>');
  };
}

function targetLine(input: BarInput, ctx: ChartContext): BarSeriesOption['markLine'] {
  if (input.target === undefined) return undefined;
  const t = chartTokens(ctx.theme);
  const at = input.horizontal ? { xAxis: input.target } : { yAxis: input.target };
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: t.target, type: 'dashed', width: 1.5 },
    label: { color: t.target, position: input.horizontal ? 'insideEndBottom' : 'insideEndTop', formatter: `${chartLabel(ctx, 'target')} ${ctx.fmt.value(input.target, input.unit)}` },
    data: [at],
  };
}

/**
 * The bar option.
 *
 * @example
 * buildBarOptions({ unit: 'ratio', target: 0.8, categories: [{ key: 'orders', label: 'Orders' }],
 *   series: [{ name: 'Service level', values: [{ value: 0.75, numerator: 3, denominator: 4 }] }] }, ctx)
 */
export function buildBarOptions(input: BarInput, ctx: ChartContext): ChartOption {
  const series: BarSeriesOption[] = input.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    ...(s.stack ? { stack: s.stack } : {}),
    data: input.categories.map((c, j) => {
      const v = s.values[j];
      return { value: v?.value ?? null, category: c.key, series: s.name, numerator: v?.numerator ?? null, denominator: v?.denominator ?? null };
    }),
    // Values are printed on plain bars; on stacks the segments are too small for text.
    label: { show: !s.stack && input.categories.length <= 12, position: input.horizontal ? 'right' : 'top', formatter: (p: unknown) => ctx.fmt.value((p as { data: BarDatum }).data.value, input.unit) },
    ...(i === 0 && input.target !== undefined ? { markLine: targetLine(input, ctx) } : {}),
  }));
  const categoryAxis = { type: 'category' as const, data: input.categories.map((c) => c.label), inverse: input.horizontal === true, axisTick: { alignWithLabel: true } };
  // ECharts does not stretch an axis to a markLine: with every bar below the target the line would be off the chart.
  const target = input.target;
  const reach = target === undefined ? {} : { max: (extent: { max: number }) => Math.max(extent.max, target) };
  const valueAxis = { type: 'value' as const, ...reach, axisLabel: { formatter: (v: number) => ctx.fmt.value(v, input.unit) } };
  const legend = series.length > 1;
  return {
    grid: { left: 8, right: input.horizontal ? 24 : 8, top: legend ? 36 : 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { show: legend, type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: tooltip(input, ctx) },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? categoryAxis : valueAxis,
    series,
  };
}
