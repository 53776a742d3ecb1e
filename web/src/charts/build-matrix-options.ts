/**
 * A rows x columns matrix of one metric (e.g. SLA attainment by channel x
 * priority) with the value printed in every cell. Against a target the colour says
 * met / near miss (within NEAR_MISS of the target) / missed; without one it is a
 * plain low-to-high scale. A cell with nothing to measure (denominator 0, or absent
 * from the input) is drawn empty with the formatter's missing-value text ('—').
 */
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { VisualMapComponentOption } from 'echarts/components';
import { displayName, type ChartContext, type ChartOption, type ChartUnit } from './chart-context.ts';
import { chartTokens, type ChartTokens } from './chart-tokens.ts';
import { countsText, tooltipRow, tooltipTitle } from './chart-text.ts';
import { emptyCellScale } from './heatmap-empty-cells.ts';

export interface MatrixCell {
  row: string;
  col: string;
  value: number | null;
  numerator: number;
  denominator: number;
  pending: number;
}

export interface MatrixInput {
  rows: string[];
  cols: string[];
  cells: MatrixCell[];
  unit: ChartUnit;
  target?: number;
  /** Default true (attainment, FCR); false for rates where less is better (silence). */
  higherIsBetter?: boolean;
}

/** A click's `data`: the cell; `value` is its position `[colIndex, rowIndex, value or 0]`. */
export interface MatrixDatum {
  value: [number, number, number];
  row: string;
  col: string;
  cellValue: number | null;
  numerator: number;
  denominator: number;
  pending: number;
}

/** Relative distance from the target still shown as a near miss rather than a miss. */
export const NEAR_MISS = 0.1;

function datum(input: MatrixInput, row: string, col: string, lookup: Map<string, MatrixCell>): MatrixDatum {
  const c = lookup.get(`${row}\u0000${col}`);
  const value = c && c.denominator > 0 ? c.value : null;
  return {
    value: [input.cols.indexOf(col), input.rows.indexOf(row), value ?? 0],
    row,
    col,
    cellValue: value,
    numerator: c?.numerator ?? 0,
    denominator: c?.denominator ?? 0,
    pending: c?.pending ?? 0,
  };
}

function colourScale(input: MatrixInput, t: ChartTokens, ctx: ChartContext, values: number[]): VisualMapComponentOption {
  const base = { seriesIndex: 0, orient: 'horizontal' as const, left: 'center', bottom: 0, itemWidth: 12, itemHeight: 12 };
  if (input.target === undefined) {
    const min = Math.min(...values, 0);
    return { ...base, type: 'continuous', show: false, min, max: Math.max(min + Number.EPSILON, ...values), inRange: { color: [t.cell.low, t.cell.high] } };
  }
  const { target, unit } = input;
  const up = input.higherIsBetter !== false;
  const near = up ? target - Math.abs(target) * NEAR_MISS : target + Math.abs(target) * NEAR_MISS;
  const f = (v: number) => ctx.fmt.value(v, unit);
  const pieces = up
    ? [
        { gte: target, color: t.cell.good, label: `≥ ${f(target)}` },
        { gte: near, lt: target, color: t.cell.near, label: `${f(near)} – ${f(target)}` },
        { lt: near, color: t.cell.bad, label: `< ${f(near)}` },
      ]
    : [
        { lte: target, color: t.cell.good, label: `≤ ${f(target)}` },
        { gt: target, lte: near, color: t.cell.near, label: `${f(target)} – ${f(near)}` },
        { gt: near, color: t.cell.bad, label: `> ${f(near)}` },
      ];
  return { ...base, type: 'piecewise', pieces, itemGap: 16 };
}

/**
 * The matrix option.
 *
 * @example
 * buildMatrixOptions({ rows: ['phone'], cols: ['urgent'], unit: 'ratio', target: 0.8,
 *   cells: [{ row: 'phone', col: 'urgent', value: 0.75, numerator: 3, denominator: 4, pending: 0 }] }, ctx)
 */
export function buildMatrixOptions(input: MatrixInput, ctx: ChartContext): ChartOption {
  const t = chartTokens(ctx.theme);
  const lookup = new Map(input.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const all = input.rows.flatMap((row) => input.cols.map((col) => datum(input, row, col, lookup)));
  const measured = all.filter((d) => d.cellValue !== null);
  const label = (p: unknown) => ctx.fmt.value((p as { data: MatrixDatum }).data.cellValue, input.unit);
  const tooltip = (p: unknown): string => {
    const d = (p as { data?: MatrixDatum }).data;
    if (!d) return '';
    const title = `${displayName(ctx, d.row)} · ${displayName(ctx, d.col)}`;
    return tooltipTitle(title) + tooltipRow('', '', ctx.fmt.value(d.cellValue, input.unit), countsText(d, input.unit, ctx));
  };
  const heat = (data: MatrixDatum[], name: string, color?: string): HeatmapSeriesOption => ({
    type: 'heatmap',
    name,
    data,
    label: { show: true, formatter: label, color: color ? t.textMuted : t.text, fontSize: 13 },
    itemStyle: { borderColor: t.cellBorder, borderWidth: 2, ...(color ? { color } : {}) },
    emphasis: { itemStyle: { borderColor: t.text, borderWidth: 1 } },
  });
  const legend = input.target !== undefined;
  return {
    grid: { left: 8, right: 8, top: 8, bottom: legend ? 36 : 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    xAxis: { type: 'category', position: 'top', data: input.cols.map((c) => displayName(ctx, c)), axisTick: { show: false }, axisLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: input.rows.map((r) => displayName(ctx, r)), axisTick: { show: false }, axisLine: { show: false } },
    visualMap: [colourScale(input, t, ctx, measured.map((d) => d.cellValue as number)), emptyCellScale(t.emptyCell)],
    series: [heat(measured, 'value'), heat(all.filter((d) => d.cellValue === null), 'empty', t.emptyCell)],
  };
}
