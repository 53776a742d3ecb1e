import { afterEach, describe, expect, it } from 'vitest';
import { buildHourOfWeekHeatmapOptions, type HourOfWeekInput } from '../../../web/src/charts/build-hour-of-week-heatmap-options.ts';
import { CHART_TOKENS } from '../../../web/src/charts/chart-tokens.ts';
import { dataParams, drawnItems, keepSvg, renderChart, svgTexts, testContext, toRgb, tooltipText, type Chart } from './chart-test-kit.ts';

// Unreachable calls: Monday 23:00 is the worst hour, Tuesday 09:00 had calls and
// none unreachable, Sunday 00:00 had no calls at all; every other hour is absent.
const INPUT: HourOfWeekInput = {
  unit: 'ratio',
  title: 'Unreachable by hour of week',
  cells: [
    { weekday: 1, hour: 23, value: 0.4, numerator: 2, denominator: 5 },
    { weekday: 2, hour: 9, value: 0, numerator: 0, denominator: 10 },
    { weekday: 7, hour: 0, value: null, numerator: 0, denominator: 0 },
  ],
};

describe('buildHourOfWeekHeatmapOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('draws all 168 cells: the measured ones on the scale, the rest empty', () => {
    const r = renderChart(buildHourOfWeekHeatmapOptions(INPUT, testContext()), 'light', { width: 700, height: 300 });
    chart = r.chart;
    keepSvg('hour-of-week-light', r.svg);
    const measured = drawnItems(r.svg, 0);
    const empty = drawnItems(r.svg, 1);
    expect(measured).toHaveLength(2);
    expect(empty).toHaveLength(166);
    const t = CHART_TOKENS.light;
    // The highest value takes the top of the scale, 0 its bottom.
    expect(measured.map((c) => c.fill)).toEqual([toRgb(t.heat.at(-1)!), toRgb(t.heat[0]!)]);
    expect(new Set(empty.map((c) => c.fill))).toEqual(new Set([toRgb(t.emptyCell)]));
  });

  it('labels weekdays from ctx.labels, Monday on top, and the 24 hours', () => {
    const labels = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' };
    const r = renderChart(buildHourOfWeekHeatmapOptions(INPUT, testContext('light', labels)), 'light', { width: 700, height: 300 });
    chart = r.chart;
    const texts = svgTexts(r.svg);
    expect(texts.filter((t) => t.startsWith('周'))).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(texts.filter((t) => /^\d\d$/.test(t))).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(texts).toEqual(expect.arrayContaining(['Unreachable by hour of week', '0.0%', '40.0%']));
    const y = (label: string) => Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)" fill="[^"]+">${label}<`).exec(r.svg)?.[1]);
    expect(y('周一')).toBeLessThan(y('周日'));
  });

  it('carries weekday and hour for a click, and shows the counts', () => {
    chart = renderChart(buildHourOfWeekHeatmapOptions(INPUT, testContext())).chart;
    expect(dataParams(chart, 0, 0).data).toEqual({ value: [23, 0, 0.4], weekday: 1, hour: 23, cellValue: 0.4, numerator: 2, denominator: 5 });
    expect(tooltipText(chart, dataParams(chart, 0, 0))).toBe('Mon 23:00–00:00\n40.0% 2 / 5');
    // Cells go in weekday, hour order: Sunday 00:00 is cell 144 (from 0), with two measured cells before it, so empty cell 142.
    const sunday = dataParams(chart, 1, 142).data as { weekday: number; hour: number; cellValue: number | null };
    expect([sunday.weekday, sunday.hour, sunday.cellValue]).toEqual([7, 0, null]);
    expect(tooltipText(chart, dataParams(chart, 1, 142))).toBe('Sun 00:00–01:00\n— 0 / 0');
  });

  it('stays readable in dark mode: cells from the dark tokens', () => {
    const r = renderChart(buildHourOfWeekHeatmapOptions(INPUT, testContext('dark')), 'dark', { width: 700, height: 300 });
    chart = r.chart;
    keepSvg('hour-of-week-dark', r.svg);
    expect(drawnItems(r.svg, 1)[0]?.fill).toBe(toRgb(CHART_TOKENS.dark.emptyCell));
    expect(drawnItems(r.svg, 0)[0]?.fill).toBe(toRgb(CHART_TOKENS.dark.heat.at(-1)!));
  });
});
