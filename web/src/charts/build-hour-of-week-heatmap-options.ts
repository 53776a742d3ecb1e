/**
 * Hour of week (API.md `hour_of_week`): 7 rows Monday..Sunday by 24 hours of the
 * platform clock, e.g. unreachable or abandoned calls, so "is the line reachable at
 * 23:00" is one glance. Every one of the 168 cells is drawn: an hour with nothing
 * to measure (denominator 0, value null) is an empty cell, not a cold one.
 */
import type { HeatmapSeriesOption } from 'echarts/charts';
import { chartLabel, type ChartContext, type ChartLabelKey, type ChartOption, type ChartUnit } from './chart-context.ts';
import { chartTokens } from './chart-tokens.ts';
import { countsText, tooltipRow, tooltipTitle } from './chart-text.ts';
import { emptyCellScale } from './heatmap-empty-cells.ts';

export interface HourOfWeekCell {
  /** ISO weekday: 1 = Monday .. 7 = Sunday. */
  weekday: number;
  /** 0..23 */
  hour: number;
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface HourOfWeekInput {
  cells: HourOfWeekCell[];
  unit: ChartUnit;
  title?: string;
}

/** A click's `data`: the cell; `value` is its position `[hour, weekday - 1, value or 0]`. */
export interface HourOfWeekDatum {
  value: [number, number, number];
  weekday: number;
  hour: number;
  cellValue: number | null;
  numerator: number;
  denominator: number;
}

const WEEKDAYS: ChartLabelKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Hours are labels of the platform clock ('09'), not numbers, so they are not localised. */
const hh = (h: number) => String(h).padStart(2, '0');

/** All 168 cells in weekday, hour order; cells missing from the input are empty. */
function fullWeek(cells: HourOfWeekCell[]): HourOfWeekCell[] {
  const byKey = new Map(cells.map((c) => [`${c.weekday}-${c.hour}`, c]));
  return WEEKDAYS.flatMap((_, d) =>
    HOURS.map((hour) => byKey.get(`${d + 1}-${hour}`) ?? { weekday: d + 1, hour, value: null, numerator: 0, denominator: 0 }),
  );
}

function item(c: HourOfWeekCell): HourOfWeekDatum {
  return {
    value: [c.hour, c.weekday - 1, c.value ?? 0],
    weekday: c.weekday,
    hour: c.hour,
    cellValue: c.value,
    numerator: c.numerator,
    denominator: c.denominator,
  };
}

/**
 * The 7 x 24 heatmap option.
 *
 * @example
 * buildHourOfWeekHeatmapOptions({ unit: 'ratio', cells: [{ weekday: 1, hour: 23, value: 0.4, numerator: 2, denominator: 5 }] }, ctx)
 */
export function buildHourOfWeekHeatmapOptions(input: HourOfWeekInput, ctx: ChartContext): ChartOption {
  const t = chartTokens(ctx.theme);
  const week = fullWeek(input.cells);
  const measured = week.filter((c) => c.value !== null);
  const values = measured.map((c) => c.value as number);
  const min = Math.min(0, ...values);
  const max = Math.max(min + Number.EPSILON, ...values);
  const days = WEEKDAYS.map((key) => chartLabel(ctx, key));
  const tooltip = (p: unknown): string => {
    const d = (p as { data?: HourOfWeekDatum }).data;
    if (!d) return '';
    const when = `${days[d.weekday - 1] ?? ''} ${hh(d.hour)}:00–${hh((d.hour + 1) % 24)}:00`;
    return tooltipTitle(when) + tooltipRow('', '', ctx.fmt.value(d.cellValue, input.unit), countsText(d, input.unit, ctx));
  };
  const heat = (data: HourOfWeekDatum[], name: string, color?: string): HeatmapSeriesOption => ({
    type: 'heatmap',
    name,
    data,
    itemStyle: { borderColor: t.cellBorder, borderWidth: 1, ...(color ? { color } : {}) },
    emphasis: { itemStyle: { borderColor: t.text, borderWidth: 1 } },
  });
  return {
    ...(input.title ? { title: { text: input.title, left: 0, top: 0 } } : {}),
    grid: { left: 8, right: 8, top: input.title ? 32 : 8, bottom: 44, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    xAxis: { type: 'category', data: HOURS.map(hh), splitArea: { show: false }, axisTick: { show: false } },
    yAxis: { type: 'category', data: days, inverse: true, axisTick: { show: false } },
    visualMap: [{
      type: 'continuous',
      seriesIndex: 0,
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 10,
      inRange: { color: [...t.heat] },
      text: [ctx.fmt.value(max, input.unit), ctx.fmt.value(min, input.unit)],
    }, emptyCellScale(t.emptyCell)],
    series: [heat(measured.map(item), 'value'), heat(week.filter((c) => c.value === null).map(item), 'empty', t.emptyCell)],
  };
}
