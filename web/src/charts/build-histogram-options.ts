/**
 * A distribution as bars of counts over ordered bands, e.g. queue wait in the
 * API's `wait_band`s (0-10 s ... 300+ s). The bands come labelled by the caller (the
 * words are the page's); each bar carries its band key, which is the `wait_band`
 * filter that opens the calls behind it.
 */
import { chartLabel, type ChartContext, type ChartOption } from './chart-context.ts';
import { tooltipRow, tooltipTitle } from './chart-text.ts';

export interface HistogramBand {
  key: string;
  label: string;
  count: number;
}

export interface HistogramInput {
  bands: HistogramBand[];
}

/** A click's `data`. */
export interface HistogramDatum {
  value: number;
  key: string;
  /** The band's label (a data item's `label` is ECharts' label style, so the text is `name`). */
  name: string;
  /** The band's part of all counted units, 0..1 (0 when nothing was counted). */
  share: number;
}

/**
 * The histogram option.
 *
 * @example
 * buildHistogramOptions({ bands: [{ key: '0-10', label: '0–10 s', count: 12 }] }, ctx)
 */
export function buildHistogramOptions(input: HistogramInput, ctx: ChartContext): ChartOption {
  const total = input.bands.reduce((sum, b) => sum + b.count, 0);
  const data: HistogramDatum[] = input.bands.map((b) => ({
    value: b.count,
    key: b.key,
    name: b.label,
    share: total > 0 ? b.count / total : 0,
  }));
  const tooltip = (raw: unknown): string => {
    const p = (Array.isArray(raw) ? raw[0] : raw) as { data?: HistogramDatum; marker?: unknown } | undefined;
    const d = p?.data;
    if (!d) return '';
    return (
      tooltipTitle(d.name) +
      tooltipRow(String(p.marker ?? ''), chartLabel(ctx, 'count'), ctx.fmt.count(d.value)) +
      '<br>' +
      tooltipRow('', chartLabel(ctx, 'share'), ctx.fmt.value(d.share, 'ratio'))
    );
  };
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: tooltip },
    xAxis: { type: 'category', data: input.bands.map((b) => b.label), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => ctx.fmt.count(v) } },
    series: [
      {
        type: 'bar',
        name: chartLabel(ctx, 'count'),
        data,
        barCategoryGap: '8%',
        label: { show: input.bands.length <= 12, position: 'top', formatter: (p: unknown) => ctx.fmt.count((p as { data: HistogramDatum }).data.value) },
      },
    ],
  };
}
