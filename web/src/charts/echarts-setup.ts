/**
 * The one place ECharts is imported at run time. Modular imports only (never the
 * whole `echarts` package): the first page stays under 250 kB gzip and this module,
 * with what it pulls in, loads with the first page that shows a chart. Importing it
 * also registers the two themes, so `echarts.init(el, 'radar-dark')` just works.
 * A chart type or component not listed here renders nothing (ECharts only warns in
 * development): add it here first (see README.md). The browser draws on canvas
 * only: the SVG renderer (8 kB gzip) is registered by the node tests that render
 * headless (test/web/charts/chart-test-kit.ts), not shipped.
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { CHART_TOKENS } from './chart-tokens.ts';
import { createTheme, THEME_NAMES } from './theme.ts';

echarts.use([
  LineChart,
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  MarkLineComponent,
  TitleComponent,
  CanvasRenderer,
]);

echarts.registerTheme(THEME_NAMES.light, createTheme(CHART_TOKENS, 'light'));
echarts.registerTheme(THEME_NAMES.dark, createTheme(CHART_TOKENS, 'dark'));

export { echarts };
