/**
 * Message lookup, pure so tests can use it without a browser. Values that are
 * not in the catalogue (a channel the ETL saw but the catalogue does not know,
 * such as a new queue) fall back to the raw value rather than a key name.
 */
import type { Lang } from '../lang.ts';
import { en } from './messages-en.ts';
import { zh, type MessageKey } from './messages-zh.ts';

export type { MessageKey };
export type Params = Record<string, string | number>;

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** The `{name}` parameters of a message, sorted (the completeness test compares them). */
export function messageParams(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/**
 * @example translate('en', 'cases.total', { n: '1,204' }) // '1,204 cases'
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = CATALOGUES[lang][key];
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A label for a value of a dimension (`channel.chat`), or the value itself when the catalogue has none. */
export function valueLabel(lang: Lang, dim: string, value: string | null): string {
  if (value === null) return translate(lang, 'trends.nullGroup');
  const key = `${dim}.${value}`;
  return key in CATALOGUES[lang] ? translate(lang, key as MessageKey) : value;
}
