/**
 * Empty cells of a heatmap (nothing to measure) are a second heatmap series so
 * they are drawn, in one neutral colour, instead of vanishing into the background.
 * ECharts paints a heatmap cell only through a visualMap ("Heatmap must use with
 * visualMap"), so that series gets a hidden one of its own. Empty cells carry the
 * value 0 at the third position, which is always inside [0, 1].
 */
import type { VisualMapComponentOption } from 'echarts/components';

/** The series index the builders give their empty-cell series. */
export const EMPTY_SERIES_INDEX = 1;

export function emptyCellScale(color: string): VisualMapComponentOption {
  return { type: 'continuous', show: false, seriesIndex: EMPTY_SERIES_INDEX, min: 0, max: 1, inRange: { color: [color, color] } };
}
