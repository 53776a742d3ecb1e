/**
 * One sentence saying what failed, for the error state: which request, what the
 * server answered and which parameter it named, so "retry" is not a guess.
 */
import { ApiError } from './api-client.ts';
import type { MessageKey, Params } from './i18n/translate.ts';

type T = (key: MessageKey, params?: Params) => string;

export function describeError(err: unknown, t: T): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return `${err.request}: ${t('error.network', { message: err.message })}`;
    const param = err.parameter ? ` (${t('error.parameter', { parameter: err.parameter })})` : '';
    return `${err.request} → ${err.status}: ${err.message}${param}`;
  }
  return err instanceof Error ? err.message : String(err);
}
