/**
 * The life of one ECharts instance, as a Svelte action on the element it draws
 * in. Rules (README.md): init once; every new option replaces the old one
 * (`notMerge`, so a series that went away goes away); the theme switches with
 * chart.setTheme, keeping the instance, its option and its listeners; the chart
 * follows its own element's size through a ResizeObserver (not the window's, so
 * a sidebar or a grid cell resizing is seen too); destroy removes every listener
 * and observer it added and disposes. Work deferred to a frame checks
 * isDisposed() first, since the component may be gone by then.
 */
import type { ActionReturn } from 'svelte/action';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { chartTokens, type ChartMode } from './chart-tokens.ts';
import { echarts } from './echarts-setup.ts';
import { themeName } from './theme.ts';

/** What a click on a data item hands back: `data` is the builder's data item. */
export interface ChartClick {
  data: unknown;
  seriesIndex?: number;
  dataIndex?: number;
  name?: string;
}

export interface EChartParams {
  option: EChartsCoreOption;
  theme: ChartMode;
  /** Read once, at init. */
  loading?: boolean;
  onclick?: (p: ChartClick) => void;
  /** Called with the instance after init and with undefined before it is disposed. */
  onchart?: (chart: EChartsType | undefined) => void;
}

function applyLoading(chart: EChartsType, loading: boolean, mode: ChartMode): void {
  if (!loading) {
    chart.hideLoading();
    return;
  }
  const t = chartTokens(mode);
  chart.showLoading('default', { text: '', color: t.accent, textColor: t.text, maskColor: t.loadingMask, lineWidth: 2 });
}

/**
 * Svelte action: `<div use:echart={{ option, theme }}></div>`. The element must
 * have a size of its own (EChart.svelte gives it one).
 */
export function echart(node: HTMLElement, params: EChartParams): ActionReturn<EChartParams> {
  let current = params;
  const chart = echarts.init(node, themeName(params.theme), { renderer: 'canvas' });
  chart.setOption(params.option, { notMerge: true });
  applyLoading(chart, params.loading === true, params.theme);

  // One listener for the chart's life; it reads the latest callback.
  const onClick = (e: ECElementEvent) => {
    current.onclick?.({ data: e.data, seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, name: e.name });
  };
  chart.on('click', onClick);

  // Resizes are coalesced into one per frame; the frame may come after destroy.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!chart.isDisposed()) chart.resize();
    });
  });
  observer.observe(node);
  params.onchart?.(chart);

  return {
    update(next) {
      const prev = current;
      current = next;
      if (chart.isDisposed()) return;
      const themeChanged = next.theme !== prev.theme;
      if (themeChanged) chart.setTheme(themeName(next.theme));
      if (next.option !== prev.option) chart.setOption(next.option, { notMerge: true });
      if (themeChanged || (next.loading === true) !== (prev.loading === true)) applyLoading(chart, next.loading === true, next.theme);
    },
    destroy() {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      chart.off('click', onClick);
      current.onchart?.(undefined);
      chart.dispose();
    },
  };
}
