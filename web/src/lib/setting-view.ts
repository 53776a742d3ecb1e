/**
 * Policy settings as readable text: a window `{ seconds: 172800, calendar: '24x7' }`
 * reads "48小时（24x7）", a deadline `{ kind: 'working_days', days: 7 }` reads
 * "7 个工作日（cn-workdays）". Objects stay trees (the SLA table has channels and
 * priorities), rendered by SettingTree.svelte in the "how is this computed"
 * panel and on the settings page.
 */
import type { Formatters } from './formatters.ts';
import type { MessageKey, Params } from './i18n/translate.ts';

export type SettingView = { text: string } | { entries: [string, SettingView][] };
type T = (key: MessageKey, params?: Params) => string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path of the policy document (`sla.refund`); undefined if absent. */
export function settingAt(doc: Record<string, unknown>, path: string): unknown {
  let at: unknown = doc;
  for (const part of path.split('.')) at = isRecord(at) ? at[part] : undefined;
  return at;
}

function leaf(value: unknown, key: string, fmt: Formatters, t: T): string | null {
  if (typeof value === 'number') {
    if (key.endsWith('_s') || key === 'seconds') return fmt.duration(value);
    if (key === 'sl_target') return fmt.percent(value, 0);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (!isRecord(value)) return value === null || value === undefined ? '—' : JSON.stringify(value);
  if (value.kind === 'none') return t('setting.none');
  if (value.kind === 'working_days') return t('setting.workingDays', { days: Number(value.days), calendar: String(value.calendar) });
  if (typeof value.seconds === 'number' && typeof value.calendar === 'string') {
    return t('setting.onCalendar', { duration: fmt.duration(value.seconds), calendar: value.calendar });
  }
  if ('at_most' in value || 'at_least' in value) return null;
  return Object.keys(value).length === 0 ? t('setting.empty') : null;
}

export function settingView(value: unknown, key: string, fmt: Formatters, t: T): SettingView {
  const text = leaf(value, key, fmt, t);
  if (text !== null) return { text };
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]): [string, SettingView] => [k, settingView(v, k, fmt, t)]);
  return { entries };
}
