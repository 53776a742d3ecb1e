import { afterEach, describe, expect, it } from 'vitest';
import { buildSparklineOptions } from '../../../web/src/charts/build-sparkline-options.ts';
import { CHART_TOKENS } from '../../../web/src/charts/chart-tokens.ts';
import { dataParams, drawnItems, keepSvg, renderChart, strokedPaths, svgTexts, testContext, toRgb, tooltipText, type Chart } from './chart-test-kit.ts';

// Seven days of a rate; days 3 and 5 had nothing to measure, so day 4 stands alone.
const POINTS = [0.2, 0.25, null, 0.3, null, 0.22, 0.28].map((value, i) => ({ label: `10-0${i + 1}`, value }));

describe('buildSparklineOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('is a bare line: no axis, no text, gaps where nothing was measured, a dot for a lone point', () => {
    const r = renderChart(buildSparklineOptions(POINTS, testContext(), 'ratio'), 'light', { width: 160, height: 40 });
    chart = r.chart;
    keepSvg('sparkline-light', r.svg);
    expect(svgTexts(r.svg)).toEqual([]);
    const lines = strokedPaths(r.svg).filter((p) => p.stroke === toRgb(CHART_TOKENS.light.palette[0]!));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.d.match(/M/g)).toHaveLength(3);
    expect(drawnItems(r.svg, 0).map((s) => s.dataIndex)).toEqual([3]);
  });

  it('names the point and formats its value in the tooltip; the item carries its label', () => {
    chart = renderChart(buildSparklineOptions(POINTS, testContext(), 'ratio'), 'light', { width: 160, height: 40 }).chart;
    expect(tooltipText(chart, [dataParams(chart, 0, 1)])).toBe('10-02 25.0%');
    expect(tooltipText(chart, [dataParams(chart, 0, 2)])).toBe('10-03 —');
    expect(dataParams(chart, 0, 1).data).toEqual({ value: 0.25, name: '10-02' });
  });

  it('formats counts when no unit is given', () => {
    chart = renderChart(buildSparklineOptions([{ label: 'a', value: 1234 }], testContext()), 'light', { width: 160, height: 40 }).chart;
    expect(tooltipText(chart, [dataParams(chart, 0, 0)])).toBe('a 1,234');
  });
});
