import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHART_TOKENS, type ChartTokens } from '../../../web/src/charts/chart-tokens.ts';
import { echarts } from '../../../web/src/charts/echarts-setup.ts';
import { createTheme, THEME_NAMES } from '../../../web/src/charts/theme.ts';
import { renderChart, type Chart } from './chart-test-kit.ts';

const CHARTS = path.resolve(import.meta.dirname, '../../../web/src/charts');
const WEB_SRC = path.resolve(CHARTS, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|svelte)$/.test(e.name) ? [full] : [];
  });
}

describe('createTheme', () => {
  for (const mode of ['light', 'dark'] as const) {
    it(`builds the ${mode} theme from the ${mode} tokens only`, () => {
      const t: ChartTokens = CHART_TOKENS[mode];
      const theme = createTheme(CHART_TOKENS, mode) as Record<string, any>;
      expect(theme.darkMode).toBe(mode === 'dark');
      expect(theme.color).toEqual(t.palette);
      expect(theme.backgroundColor).toBe(t.background);
      expect(theme.textStyle.color).toBe(t.text);
      expect(theme.categoryAxis.axisLabel.color).toBe(t.textMuted);
      expect(theme.valueAxis.splitLine.lineStyle.color).toBe(t.splitLine);
      expect(theme.tooltip.backgroundColor).toBe(t.tooltipBackground);
      // Every colour in the theme is a token of this mode.
      const own = new Set(Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v as object))));
      const used = JSON.stringify(theme).match(/#[0-9a-f]{6}\b|rgba\([^)]*\)/gi) ?? [];
      expect(used.filter((c) => !own.has(c))).toEqual([]);
    });
  }

  it('is registered under radar-light and radar-dark and drives what ECharts draws', () => {
    expect(THEME_NAMES).toEqual({ light: 'radar-light', dark: 'radar-dark' });
    const option = { xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' }, series: [{ type: 'line', data: [1, 2] }] };
    for (const mode of ['light', 'dark'] as const) {
      const { chart, svg } = renderChart(option as never, mode);
      const t = CHART_TOKENS[mode];
      expect(svg).toContain(`fill="${t.background}"`);
      expect(svg).toContain(`stroke="${t.palette[0]}"`);
      expect(svg).toMatch(new RegExp(`fill="${t.textMuted}">a<`));
      chart.dispose();
    }
  });
});

describe('chart sources', () => {
  let chart: Chart | undefined;
  afterEach(() => chart?.dispose());

  it('carry no colour literals outside chart-tokens.ts', () => {
    const offenders = sources(CHARTS)
      .filter((f) => path.basename(f) !== 'chart-tokens.ts')
      .flatMap((f) => {
        const text = fs.readFileSync(f, 'utf8');
        const hits = text.match(/#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(|'(red|green|blue|black|white|gray|grey|orange|yellow)'/g) ?? [];
        return hits.map((h) => `${path.relative(CHARTS, f)}: ${h}`);
      });
    expect(offenders).toEqual([]);
  });

  it('import ECharts at run time only through echarts-setup.ts, and never the whole package', () => {
    const runtime = /^import\s+(?!type\b)[^;]*from\s+'(echarts(?:\/[a-z]+)?)'/gm;
    const offenders = sources(WEB_SRC).flatMap((f) => {
      const hits = [...fs.readFileSync(f, 'utf8').matchAll(runtime)].map((m) => m[1]);
      const allowed = path.relative(WEB_SRC, f) === path.join('charts', 'echarts-setup.ts');
      return hits.filter((h) => h === 'echarts' || !allowed).map((h) => `${path.relative(WEB_SRC, f)}: ${h}`);
    });
    expect(offenders).toEqual([]);
  });

  it('register every chart and component the builders use', () => {
    // ECharts ignores an unregistered series or component (a warning in development only).
    const registered = ['line', 'bar', 'heatmap'].every((type) => {
      chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 100, height: 100 });
      chart.setOption({ xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'category', data: ['b'] }, visualMap: { show: false, min: 0, max: 1 }, series: [{ type, data: [[0, 0, 1]] }] });
      const ok = (chart.getOption() as { series: { type: string }[] }).series[0]?.type === type;
      chart.dispose();
      return ok;
    });
    expect(registered).toBe(true);
    chart = undefined;
  });
});
