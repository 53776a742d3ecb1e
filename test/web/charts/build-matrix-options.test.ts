import { afterEach, describe, expect, it } from 'vitest';
import { buildMatrixOptions, type MatrixInput } from '../../../web/src/charts/build-matrix-options.ts';
import { CHART_TOKENS } from '../../../web/src/charts/chart-tokens.ts';
import { dataParams, drawnItems, keepSvg, renderChart, svgTexts, testContext, toRgb, tooltipText, type Chart } from './chart-test-kit.ts';

// First-response SLA attainment, channel x priority, target 80 %: phone/urgent
// met, phone/high a near miss (75 % is within 10 % of 80 %), phone/normal missed,
// chat/urgent nothing decided yet (0 / 0, 2 pending), chat/high and chat/normal absent.
const INPUT: MatrixInput = {
  rows: ['phone', 'chat'],
  cols: ['urgent', 'high', 'normal'],
  unit: 'ratio',
  target: 0.8,
  cells: [
    { row: 'phone', col: 'urgent', value: 0.9, numerator: 9, denominator: 10, pending: 0 },
    { row: 'phone', col: 'high', value: 0.75, numerator: 3, denominator: 4, pending: 1 },
    { row: 'phone', col: 'normal', value: 0.5, numerator: 5, denominator: 10, pending: 0 },
    { row: 'chat', col: 'urgent', value: null, numerator: 0, denominator: 0, pending: 2 },
  ],
};

const cell = CHART_TOKENS.light.cell;

describe('buildMatrixOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('prints every cell, formatted, with — where there is nothing to measure', () => {
    const r = renderChart(buildMatrixOptions(INPUT, testContext()));
    chart = r.chart;
    keepSvg('matrix-light', r.svg);
    const texts = svgTexts(r.svg);
    expect(texts.filter((t) => t === '—' || /^\d+\.\d%$/.test(t))).toEqual(['90.0%', '75.0%', '50.0%', '—', '—', '—']);
    // Row and column names: 'phone' has a display name in ctx.labels, the rest show as they are.
    expect(texts).toEqual(expect.arrayContaining(['Phone', 'chat', 'urgent', 'high', 'normal']));
    // The legend of the colours, in the caller's number format.
    expect(texts).toEqual(expect.arrayContaining(['≥ 80.0%', '72.0% – 80.0%', '< 72.0%']));
  });

  it('colours by the target: met, near miss, missed; empty cells neutral', () => {
    const r = renderChart(buildMatrixOptions(INPUT, testContext()));
    chart = r.chart;
    expect(drawnItems(r.svg, 0).map((c) => c.fill)).toEqual([toRgb(cell.good), toRgb(cell.near), toRgb(cell.bad)]);
    expect(drawnItems(r.svg, 1).map((c) => c.fill)).toEqual(Array(3).fill(toRgb(CHART_TOKENS.light.emptyCell)));
  });

  it('reads lower as better when told so', () => {
    const r = renderChart(buildMatrixOptions({ ...INPUT, higherIsBetter: false, target: 0.6 }, testContext()));
    chart = r.chart;
    // 0.9 and 0.75 are above 0.66 (10 % over the target), 0.5 meets it.
    expect(drawnItems(r.svg, 0).map((c) => c.fill)).toEqual([toRgb(cell.bad), toRgb(cell.bad), toRgb(cell.good)]);
  });

  it('without a target, colours low to high and shows no legend', () => {
    const { target: _, ...plain } = INPUT;
    const r = renderChart(buildMatrixOptions(plain, testContext()));
    chart = r.chart;
    const fills = drawnItems(r.svg, 0).map((c) => c.fill);
    expect(fills[0]).toBe(toRgb(cell.high));
    expect(fills[2]).not.toBe(toRgb(cell.high));
    expect(svgTexts(r.svg).some((t) => t.startsWith('≥'))).toBe(false);
  });

  it('carries row and column for a click, with the counts and pending in the tooltip', () => {
    chart = renderChart(buildMatrixOptions(INPUT, testContext())).chart;
    expect(dataParams(chart, 0, 1).data).toEqual({ value: [1, 0, 0.75], row: 'phone', col: 'high', cellValue: 0.75, numerator: 3, denominator: 4, pending: 1 });
    expect(tooltipText(chart, dataParams(chart, 0, 1))).toBe('Phone · high\n75.0% 3 / 4 · pending 1');
    // An empty cell still opens its pending cases.
    expect(dataParams(chart, 1, 0).data).toEqual({ value: [0, 1, 0], row: 'chat', col: 'urgent', cellValue: null, numerator: 0, denominator: 0, pending: 2 });
    expect(tooltipText(chart, dataParams(chart, 1, 0))).toBe('chat · urgent\n— 0 / 0 · pending 2');
  });

  it('keeps printed values readable on dark cells', () => {
    const r = renderChart(buildMatrixOptions(INPUT, testContext('dark')), 'dark');
    chart = r.chart;
    keepSvg('matrix-dark', r.svg);
    const dark = CHART_TOKENS.dark;
    expect(drawnItems(r.svg, 0).map((c) => c.fill)).toEqual([toRgb(dark.cell.good), toRgb(dark.cell.near), toRgb(dark.cell.bad)]);
    const valueFill = /fill="([^"]+)"[^>]*>90\.0%</.exec(r.svg)?.[1];
    expect(toRgb(valueFill ?? '')).toBe(toRgb(dark.text));
  });
});
