// The horizontal bars of the silence and complaints cards (web/src/lib/silence/bar-tweaks.ts),
// checked on buildBarOptions' real output and drawn by ECharts headless.
import { describe, expect, it } from 'vitest';
import { buildBarOptions } from '../../web/src/charts/build-bar-options.ts';
import { lookbackText, tidyHorizontalBars } from '../../web/src/lib/silence/bar-tweaks.ts';
import { drawnItems, renderChart, svgTexts, testContext } from './charts/chart-test-kit.ts';

const option = () =>
  buildBarOptions(
    {
      unit: 'ratio',
      horizontal: true,
      target: 0.95,
      categories: [{ key: '12315', label: 'National 12315 platform' }, { key: 'court', label: 'Court' }],
      series: [{ name: 'Timely response', values: [{ value: 1, numerator: 1, denominator: 1 }, { value: 0, numerator: 0, denominator: 2 }] }],
    },
    testContext(),
  );

describe('tidyHorizontalBars', () => {
  it('keeps a sliver for a 0 % bar, caps the bar thickness, hides overlapping axis labels and puts the goal label at the top', () => {
    const tidy = tidyHorizontalBars(option()) as any;
    expect(tidy.series[0]).toMatchObject({ barMinHeight: 3, barMaxWidth: 28 });
    expect(tidy.series[0].markLine.label).toMatchObject({ position: 'start', formatter: 'Target 95.0%' });
    expect(tidy.xAxis.axisLabel.hideOverlap).toBe(true);
    // The builder's own settings stay.
    expect(tidy.xAxis.type).toBe('value');
    expect(tidy.yAxis.inverse).toBe(true);
  });

  it('draws both bars, the 0 % one included, and the goal\'s label', () => {
    const { svg } = renderChart(tidyHorizontalBars(option()), 'light', { width: 320, height: 200 });
    expect(drawnItems(svg, 0).map((b) => b.dataIndex).sort()).toEqual([0, 1]);
    expect(svgTexts(svg)).toContain('Target 95.0%');
  });

  it('leaves series without a goal line alone', () => {
    const plain = buildBarOptions({ unit: 'count', horizontal: true, categories: [{ key: 'a', label: 'A' }], series: [{ name: 'n', values: [{ value: 2 }] }] }, testContext());
    expect((tidyHorizontalBars(plain) as any).series[0].markLine).toBeUndefined();
  });
});

describe('lookbackText', () => {
  const days = (n: number) => `${n} days`;
  const duration = (s: number) => `${s} s`;
  it('says whole days as days, anything else as a duration', () => {
    expect(lookbackText(30 * 86_400, days, duration)).toBe('30 days');
    expect(lookbackText(36 * 3600, days, duration)).toBe('129600 s');
    expect(lookbackText(0, days, duration)).toBe('0 s');
  });
});
