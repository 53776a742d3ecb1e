import { afterEach, describe, expect, it } from 'vitest';
import { buildBarOptions, type BarInput } from '../../../web/src/charts/build-bar-options.ts';
import { CHART_TOKENS } from '../../../web/src/charts/chart-tokens.ts';
import { dataParams, drawnItems, keepSvg, renderChart, strokedPaths, svgTexts, testContext, toRgb, tooltipText, type Chart } from './chart-test-kit.ts';

// Service level by queue against an 80 % target; 'account' had no offered calls.
const SERVICE_LEVEL: BarInput = {
  unit: 'ratio',
  target: 0.8,
  categories: [{ key: 'orders', label: 'Orders' }, { key: 'recharge', label: 'Recharge' }, { key: 'account', label: 'Account theft' }],
  series: [{ name: 'Service level', values: [{ value: 0.75, numerator: 3, denominator: 4 }, { value: 0.9, numerator: 9, denominator: 10 }, { value: null, numerator: 0, denominator: 0 }] }],
};

// Complaints by source, stacked by outcome.
const COMPLAINTS: BarInput = {
  unit: 'count',
  horizontal: true,
  categories: [{ key: '12315', label: '12315' }, { key: 'heimao', label: 'Black Cat' }, { key: 'app', label: 'In-app' }],
  series: [
    { name: 'refunded', stack: 'outcome', values: [{ value: 13 }, { value: 25 }, { value: 0 }] },
    { name: 'open', stack: 'outcome', values: [{ value: 24 }, { value: 2 }, { value: 1 }] },
  ],
};

describe('buildBarOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('draws bars with their values and the target as a dashed line', () => {
    const r = renderChart(buildBarOptions(SERVICE_LEVEL, testContext()));
    chart = r.chart;
    keepSvg('bar-light', r.svg);
    const texts = svgTexts(r.svg);
    expect(texts).toEqual(expect.arrayContaining(['Orders', 'Recharge', 'Account theft', '75.0%', '90.0%', 'Target 80.0%']));
    // Two bars: nothing is drawn for the queue with no calls.
    const bars = drawnItems(r.svg, 0);
    expect(bars.map((b) => b.dataIndex)).toEqual([0, 1]);
    // A bar is 'M<x> <bottom>l<w> 0l0 -<h>...': its top is bottom - h.
    const top = (d: string) => {
      const [, bottom, h] = /^M[\d.]+ ([\d.]+)l[\d.]+ 0l0 -([\d.]+)/.exec(d)!.map(Number);
      return bottom! - h!;
    };
    const target = strokedPaths(r.svg).filter((p) => p.dashed && p.stroke === toRgb(CHART_TOKENS.light.target));
    expect(target).toHaveLength(1);
    // Horizontal across the plot, at the height of 80 % (between the bars' tops at 75 % and 90 %).
    const [, x1, y1, x2, y2] = /^M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)$/.exec(target[0]!.d)!.map(Number);
    expect(y1).toBe(y2);
    expect(x2! - x1!).toBeGreaterThan(400);
    // Below the 90 % bar's top, above the 75 % bar's (SVG y grows downwards).
    expect(y1).toBeGreaterThan(top(bars[1]!.d));
    expect(y1).toBeLessThan(top(bars[0]!.d));
  });

  it('stretches the value axis to the target when every bar is below it', () => {
    const low: BarInput = { ...SERVICE_LEVEL, horizontal: true, series: [{ name: 'Service level', values: [{ value: 0.25 }, { value: 0.3 }, { value: null }] }] };
    const r = renderChart(buildBarOptions(low, testContext()));
    chart = r.chart;
    expect(svgTexts(r.svg)).toContain('Target 80.0%');
    expect(strokedPaths(r.svg).filter((p) => p.dashed && p.stroke === toRgb(CHART_TOKENS.light.target))).toHaveLength(1);
  });

  it('carries category key and series name for a click; tooltip with counts', () => {
    chart = renderChart(buildBarOptions(SERVICE_LEVEL, testContext())).chart;
    expect(dataParams(chart, 0, 0).data).toEqual({ value: 0.75, category: 'orders', series: 'Service level', numerator: 3, denominator: 4 });
    expect(tooltipText(chart, [dataParams(chart, 0, 0)])).toBe('Orders\nService level 75.0% 3 / 4');
    expect(tooltipText(chart, [dataParams(chart, 0, 2)])).toBe('Account theft\nService level — 0 / 0');
  });

  it('stacks series sharing a stack, horizontally with the first category on top', () => {
    const r = renderChart(buildBarOptions(COMPLAINTS, testContext()));
    chart = r.chart;
    keepSvg('bar-stacked-light', r.svg);
    const texts = svgTexts(r.svg);
    expect(texts).toEqual(expect.arrayContaining(['refunded', 'open', '12315', 'Black Cat', 'In-app']));
    // Stacks print no values on their segments (13 and 24 are no axis ticks either).
    expect(texts).not.toContain('13');
    expect(texts).not.toContain('24');
    const y = (label: string) => Number(new RegExp(`translate\\([\\d.]+ ([\\d.]+)\\)" fill="[^"]+">${label}<`).exec(r.svg)?.[1]);
    expect(y('12315')).toBeLessThan(y('Black Cat'));
    expect(y('Black Cat')).toBeLessThan(y('In-app'));
    const option = chart.getOption() as { xAxis: { type: string }[]; yAxis: { type: string; inverse: boolean }[] };
    expect([option.xAxis[0]?.type, option.yAxis[0]?.type, option.yAxis[0]?.inverse]).toEqual(['value', 'category', true]);
    expect(dataParams(chart, 1, 2).data).toEqual({ value: 1, category: 'app', series: 'open', numerator: null, denominator: null });
    // The axis reaches the longest stack, 12315's 13 + 24 = 37, not its longest segment (25).
    expect(texts).toContain('40');
    // The open segment of 12315 starts where its refunded segment ends.
    const [refunded] = drawnItems(r.svg, 0);
    const [open] = drawnItems(r.svg, 1);
    const ends = (d: string) => /^M([\d.]+) [\d.]+l([\d.]+)/.exec(d)!.slice(1).map(Number);
    const [rx, rw] = ends(refunded!.d);
    expect(ends(open!.d)[0]).toBeCloseTo(rx! + rw!, 0);
  });
});
