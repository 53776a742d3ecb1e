import { afterEach, describe, expect, it } from 'vitest';
import { buildTrendOptions, type TrendInput } from '../../../web/src/charts/build-trend-options.ts';
import { CHART_TOKENS } from '../../../web/src/charts/chart-tokens.ts';
import type { SeriesPoint } from '../../../web/src/charts/chart-context.ts';
import { dataParams, keepSvg, renderChart, strokedPaths, svgTexts, testContext, toRgb, tooltipText, type Chart } from './chart-test-kit.ts';

const point = (period: string, value: number | null, numerator: number | null, denominator: number | null, pending = 0): SeriesPoint => ({
  period, value, numerator, denominator, pending,
});

// Silence rate by day, four days; day 2 had no contacts (0 / 0: null, a gap).
const INPUT: TrendInput = {
  unit: 'ratio',
  periods: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'],
  current: [
    { group: null, points: [point('2026-10-01', 0.5, 1, 2), point('2026-10-02', null, 0, 0), point('2026-10-03', 0.25, 1, 4, 2), point('2026-10-04', 0.3, 3, 10)] },
    { group: 'phone', points: [point('2026-10-01', 0.4, 2, 5), point('2026-10-02', 0.1, 1, 10), point('2026-10-03', 0.2, 1, 5), point('2026-10-04', 0.35, 7, 20)] },
  ],
  previous: [
    { group: null, points: [point('2026-09-24', 0.4, 2, 5), point('2026-09-25', 0.1, 1, 10), point('2026-09-26', 0.2, 1, 5), point('2026-09-27', 0.6, 3, 5)] },
  ],
};

const LIGHT = CHART_TOKENS.light;

describe('buildTrendOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('draws one line per group and the previous period dashed, in its group colour, aligned by index', () => {
    const r = renderChart(buildTrendOptions(INPUT, testContext()));
    chart = r.chart;
    keepSvg('trend-light', r.svg);
    const option = chart.getOption() as { series: { name: string; data: { period: string; previous: boolean }[] }[]; xAxis: { data: string[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['All contacts', 'Phone', 'All contacts · Last week']);
    expect(option.xAxis[0]?.data).toEqual(INPUT.periods);
    // Index i of the previous period sits over index i of the current one and keeps its own period.
    expect(option.series[2]?.data.map((d) => [d.period, d.previous])).toEqual([
      ['2026-09-24', true], ['2026-09-25', true], ['2026-09-26', true], ['2026-09-27', true],
    ]);
    const lines = strokedPaths(r.svg).filter((p) => p.stroke === toRgb(LIGHT.palette[0]!));
    const solid = lines.find((p) => !p.dashed);
    const dashed = lines.find((p) => p.dashed);
    expect(dashed, 'a dashed line in the colour of "All contacts"').toBeDefined();
    // The previous period is complete: one stroke through four points.
    expect(dashed!.d.match(/M/g)).toHaveLength(1);
    expect(dashed!.d.match(/L/g)).toHaveLength(3);
    // The current one has a gap at day 2: day 1 alone, then day 3 to day 4.
    expect(solid!.d.match(/M/g)).toHaveLength(2);
    expect(solid!.d.match(/L/g)).toHaveLength(1);
    // Index-aligned: the dashed line starts where the solid one does.
    expect(dashed!.d.split('L')[0]!.split(' ')[0]).toBe(solid!.d.split(' ')[0]);
  });

  it('labels the axes with the caller’s formatters', () => {
    const r = renderChart(buildTrendOptions(INPUT, testContext()));
    chart = r.chart;
    const texts = svgTexts(r.svg);
    expect(texts).toEqual(expect.arrayContaining(['10-01', '10-02', '10-03', '10-04', '0.0%', '60.0%', 'All contacts', 'Phone', 'All contacts · Last week']));
    expect(texts.filter((t) => t.endsWith('%')).every((t) => /^\d+\.\d%$/.test(t))).toBe(true);
  });

  it('carries what a click needs on every data item', () => {
    chart = renderChart(buildTrendOptions(INPUT, testContext())).chart;
    expect(dataParams(chart, 0, 2).data).toEqual({ value: 0.25, group: null, period: '2026-10-03', previous: false, numerator: 1, denominator: 4, pending: 2 });
    expect(dataParams(chart, 1, 0).data).toEqual({ value: 0.4, group: 'phone', period: '2026-10-01', previous: false, numerator: 2, denominator: 5, pending: 0 });
    expect(dataParams(chart, 2, 3).data).toEqual({ value: 0.6, group: null, period: '2026-09-27', previous: true, numerator: 3, denominator: 5, pending: 0 });
  });

  it('shows value, counts and pending per point, the previous point with its own period', () => {
    chart = renderChart(buildTrendOptions(INPUT, testContext())).chart;
    const at = (i: number) => [0, 1, 2].map((s) => dataParams(chart!, s, i));
    expect(tooltipText(chart, at(2)).split('\n')).toEqual([
      '10-03',
      'All contacts 25.0% 1 / 4 · pending 2',
      'Phone 20.0% 1 / 5',
      'All contacts · Last week (09-26) 20.0% 1 / 5',
    ]);
    // A gap says so rather than 0%.
    expect(tooltipText(chart, at(1)).split('\n')[1]).toBe('All contacts — 0 / 0');
  });

  it('escapes group names in the tooltip', () => {
    const input: TrendInput = { unit: 'count', periods: ['2026-10-01'], current: [{ group: '<img onerror=x>', points: [point('2026-10-01', 3, 3, null)] }] };
    chart = renderChart(buildTrendOptions(input, testContext())).chart;
    const html = (chart.getOption() as { tooltip: { formatter: (p: unknown) => string }[] }).tooltip[0]!.formatter([dataParams(chart, 0, 0)]);
    expect(html).toContain('&lt;img onerror=x&gt;');
    expect(html).not.toContain('<img');
  });

  it('draws the dark mode from the dark tokens', () => {
    const r = renderChart(buildTrendOptions(INPUT, testContext('dark')), 'dark');
    chart = r.chart;
    keepSvg('trend-dark', r.svg);
    const strokes = new Set(strokedPaths(r.svg).map((p) => p.stroke));
    expect(strokes.has(toRgb(CHART_TOKENS.dark.palette[0]!))).toBe(true);
    expect(strokes.has(toRgb(LIGHT.palette[0]!))).toBe(false);
  });
});
