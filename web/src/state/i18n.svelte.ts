/**
 * Reactive access to messages and formatters: both read the current language
 * (and the platform zone), so any template calling t() or fmt() re-renders when
 * the language is switched.
 */
import { createFormatters, type Formatters } from '../lib/formatters.ts';
import { translate, valueLabel, type MessageKey, type Params } from '../lib/i18n/translate.ts';
import { platform } from './platform.svelte.ts';
import { prefs } from './prefs.svelte.ts';

export function t(key: MessageKey, params?: Params): string {
  return translate(prefs.lang, key, params);
}

/** A dimension value for display: `channel`, `chat` → 在线客服 / Chat. */
export function label(dim: string, value: string | null): string {
  return valueLabel(prefs.lang, dim, value);
}

let cached: { key: string; f: Formatters } | null = null;

export function fmt(): Formatters {
  const key = `${prefs.lang}|${platform.timeZone}`;
  if (cached?.key !== key) cached = { key, f: createFormatters(prefs.lang, platform.timeZone) };
  return cached.f;
}

/** A metric's name in the current language. */
export function metricName(def: { name: { zh: string; en: string } } | undefined, fallback: string): string {
  return def ? def.name[prefs.lang] : fallback;
}

/** A dimension's name: `queue` → 队列 / Queue. */
export function dimName(dim: string): string {
  return valueLabel(prefs.lang, 'dim', dim);
}
