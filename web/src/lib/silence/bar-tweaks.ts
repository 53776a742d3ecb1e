/**
 * How the silence and complaints pages draw buildBarOptions' horizontal bars in
 * their narrower cards: a group at 0 % keeps a sliver of a bar (it is the one to
 * look at, and it must be clickable too), one group is not drawn as a slab,
 * value-axis labels that would overlap in a third of the page are dropped, and
 * the goal's label sits above the top end of its line, where no bar or value
 * label is (the category axis is inverted, so the line's start is at the top).
 */
import type { ChartOption } from '../../charts/chart-context.ts';

interface BarSeriesLike {
  markLine?: { label?: Record<string, unknown> };
}

/**
 * @example tidyHorizontalBars(buildBarOptions({ horizontal: true, ... }, ctx))
 */
export function tidyHorizontalBars(option: ChartOption): ChartOption {
  const series = (option.series as BarSeriesLike[]).map((s) => ({
    ...s,
    barMinHeight: 3,
    barMaxWidth: 28,
    ...(s.markLine ? { markLine: { ...s.markLine, label: { ...s.markLine.label, position: 'start' } } } : {}),
  }));
  const xAxis = option.xAxis as { axisLabel?: Record<string, unknown> };
  return { ...option, series, xAxis: { ...xAxis, axisLabel: { ...xAxis.axisLabel, hideOverlap: true } } } as ChartOption;
}

/**
 * A lookback or window for a sentence: whole days as days (`30 天`, `30 days`),
 * anything else through the duration formatter.
 *
 * @example lookbackText(2_592_000, (n) => `${n} days`, fmt.duration) // '30 days'
 */
export function lookbackText(seconds: number, days: (n: number) => string, duration: (s: number) => string): string {
  return seconds > 0 && seconds % 86_400 === 0 ? days(seconds / 86_400) : duration(seconds);
}
