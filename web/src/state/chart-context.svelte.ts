/**
 * The context every chart option builder takes (charts/chart-context.ts): the
 * theme, the words a chart shows (CHART_LABEL_DEFAULTS keys, and `name.<value>`
 * for dimension values such as channels) in the current language, and the
 * dashboard's formatters, so a tooltip reads like the tiles.
 */
import type { ChartContext } from '../charts/chart-context.ts';
import { CHANNELS, PRIORITIES } from '../lib/dimension-values.ts';
import { fmt, label, t } from './i18n.svelte.ts';
import { prefs } from './prefs.svelte.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

let cached: { key: string; ctx: ChartContext } | null = null;

function labels(): Record<string, string> {
  const out: Record<string, string> = {
    all: t('chart.all'),
    previous: t('trends.previous'),
    pending: t('part.pending'),
    target: t('chart.target'),
    count: t('chart.count'),
    share: t('chart.share'),
  };
  WEEKDAYS.forEach((d, i) => (out[d] = label('weekday', String(i + 1))));
  // Values of the closed dimensions by their names; other values (queues, agents) show as they are.
  for (const c of CHANNELS) out[`name.${c}`] = label('channel', c);
  for (const p of PRIORITIES) out[`name.${p}`] = label('priority', p);
  return out;
}

export function chartContext(): ChartContext {
  const f = fmt();
  const key = `${prefs.theme}|${f.lang}|${f.timeZone}`;
  if (cached?.key === key) return cached.ctx;
  const ctx: ChartContext = {
    theme: prefs.theme,
    labels: labels(),
    fmt: {
      value: (v, unit) => f.value(v, unit),
      count: (n) => f.count(n),
      time: (label) => f.period(label),
    },
  };
  cached = { key, ctx };
  return ctx;
}
