/**
 * How one field of a contact or timeline item reads: instants in the platform
 * zone, waits and talk times as durations, amounts in CNY, known codes
 * (channel, priority, complaint source and outcome) by their label, the rest as given.
 */
import type { Formatters } from './formatters.ts';

type Label = (dim: string, value: string | null) => string;

/** Fields whose values are codes with a display name in the catalogues (`source.12315` = 全国12315平台). */
const LABELLED = new Set(['channel', 'priority', 'source', 'outcome']);

export function detailText(key: string, value: unknown, f: Formatters, label: Label): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && (key.endsWith('_at') || key === 'at') && !Number.isNaN(Date.parse(value))) return f.dateTime(value);
  if (typeof value === 'number' && key.endsWith('_s')) return f.duration(value);
  if (key === 'amount') return f.cny(Number(value));
  if (LABELLED.has(key)) return label(key, String(value));
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
