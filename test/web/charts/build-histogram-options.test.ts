import { afterEach, describe, expect, it } from 'vitest';
import { buildHistogramOptions } from '../../../web/src/charts/build-histogram-options.ts';
import { dataParams, drawnItems, keepSvg, renderChart, svgTexts, testContext, tooltipText, type Chart } from './chart-test-kit.ts';

// Queue waits of answered calls in the API's wait bands.
const BANDS = [
  { key: '0-10', label: '0–10 s', count: 1200 },
  { key: '10-20', label: '10–20 s', count: 600 },
  { key: '20-30', label: '20–30 s', count: 200 },
  { key: '300+', label: '5 min+', count: 0 },
];

describe('buildHistogramOptions', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('draws one bar per band with its count, labels from the caller', () => {
    const r = renderChart(buildHistogramOptions({ bands: BANDS }, testContext()));
    chart = r.chart;
    keepSvg('histogram-light', r.svg);
    const texts = svgTexts(r.svg);
    expect(texts).toEqual(expect.arrayContaining(['0–10 s', '10–20 s', '20–30 s', '5 min+', '1,200', '600', '200']));
    expect(drawnItems(r.svg, 0)).toHaveLength(4);
  });

  it('carries the band key for a click, and the share in the tooltip', () => {
    chart = renderChart(buildHistogramOptions({ bands: BANDS }, testContext())).chart;
    expect(dataParams(chart, 0, 1).data).toEqual({ value: 600, key: '10-20', name: '10–20 s', share: 0.3 });
    expect(tooltipText(chart, [dataParams(chart, 0, 1)])).toBe('10–20 s\nCount 600\nShare 30.0%');
  });

  it('has a share of 0, not NaN, when nothing was counted', () => {
    chart = renderChart(buildHistogramOptions({ bands: BANDS.map((b) => ({ ...b, count: 0 })) }, testContext())).chart;
    expect((dataParams(chart, 0, 0).data as { share: number }).share).toBe(0);
  });
});
