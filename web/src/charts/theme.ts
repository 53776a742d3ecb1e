/**
 * The ECharts theme, derived from the design tokens: one function for both modes,
 * so light and dark differ only by the tokens they are given. echarts-setup.ts
 * registers the result under THEME_NAMES; EChart switches with chart.setTheme().
 */
import type { ChartMode, ChartTokens } from './chart-tokens.ts';

export const THEME_NAMES: Readonly<Record<ChartMode, string>> = Object.freeze({
  light: 'radar-light',
  dark: 'radar-dark',
});

/** The registered theme name of a mode ('radar-light' | 'radar-dark'). */
export function themeName(mode: ChartMode): string {
  return THEME_NAMES[mode];
}

function axis(t: ChartTokens): Record<string, unknown> {
  return {
    axisLine: { lineStyle: { color: t.axisLine } },
    axisTick: { lineStyle: { color: t.axisLine } },
    axisLabel: { color: t.textMuted },
    splitLine: { lineStyle: { color: t.splitLine } },
    nameTextStyle: { color: t.textMuted },
  };
}

/**
 * An ECharts theme object for one mode.
 *
 * @example
 * echarts.registerTheme('radar-dark', createTheme(CHART_TOKENS, 'dark'));
 */
export function createTheme(tokens: Readonly<Record<ChartMode, ChartTokens>>, mode: ChartMode): Record<string, unknown> {
  const t = tokens[mode];
  return {
    darkMode: mode === 'dark',
    color: [...t.palette],
    backgroundColor: t.background,
    textStyle: { color: t.text, fontFamily: t.fontFamily },
    title: { textStyle: { color: t.text, fontSize: 14, fontWeight: 500 }, subtextStyle: { color: t.textMuted } },
    legend: { itemGap: 16, textStyle: { color: t.textMuted }, pageTextStyle: { color: t.textMuted }, inactiveColor: t.axisLine },
    tooltip: {
      backgroundColor: t.tooltipBackground,
      borderColor: t.tooltipBorder,
      textStyle: { color: t.text, fontFamily: t.fontFamily, fontSize: 12 },
    },
    axisPointer: { lineStyle: { color: t.axisLine }, crossStyle: { color: t.axisLine }, label: { color: t.text, backgroundColor: t.tooltipBackground } },
    categoryAxis: axis(t),
    valueAxis: axis(t),
    timeAxis: axis(t),
    logAxis: axis(t),
    visualMap: { textStyle: { color: t.textMuted } },
    line: { symbol: 'circle', symbolSize: 5, lineStyle: { width: 2 } },
    heatmap: { itemStyle: { borderColor: t.cellBorder, borderWidth: 1 } },
  };
}
