/**
 * The small line in a KPI tile: no axes, no grid margin, the last periods' values
 * with gaps where there was nothing to measure. Its tooltip names the period and
 * the value, formatted in the metric's unit by the caller's formatter.
 */
import type { ChartContext, ChartOption, ChartUnit } from './chart-context.ts';
import { tooltipRow } from './chart-text.ts';

export interface SparklinePoint {
  label: string;
  value: number | null;
}

/** A click's `data` (`name` is the point's label: a data item's `label` is ECharts' label style). */
export interface SparklineDatum {
  value: number | null;
  name: string;
}

/**
 * The sparkline option. `unit` (default 'count') is how the tooltip formats values.
 *
 * @example
 * buildSparklineOptions([{ label: '10-01', value: 0.2 }, { label: '10-02', value: 0.25 }], ctx, 'ratio')
 */
export function buildSparklineOptions(points: SparklinePoint[], ctx: ChartContext, unit: ChartUnit = 'count'): ChartOption {
  const data = points.map((p, i) => {
    const datum: SparklineDatum = { value: p.value, name: p.label };
    // A point with gaps on both sides has no line to show it: it gets a dot.
    const lone = p.value !== null && points[i - 1]?.value == null && points[i + 1]?.value == null;
    return lone ? { ...datum, symbol: 'circle', symbolSize: 4 } : datum;
  });
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const tooltip = (raw: unknown): string => {
    const p = (Array.isArray(raw) ? raw[0] : raw) as { data?: SparklineDatum; marker?: unknown } | undefined;
    if (!p?.data) return '';
    return tooltipRow(String(p.marker ?? ''), p.data.name, ctx.fmt.value(p.data.value, unit));
  };
  return {
    grid: { left: 2, right: 2, top: 3, bottom: 3, outerBoundsMode: 'none' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      // A tile is small; the tooltip lives in <body> so the tile cannot clip it.
      appendTo: 'body',
      formatter: tooltip,
    },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((p) => p.label) },
    yAxis: { type: 'value', show: false, scale: true, min: values.length ? undefined : 0 },
    series: [
      {
        type: 'line',
        data,
        connectNulls: false,
        symbol: 'none',
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: 0.12 },
      },
    ],
  };
}
