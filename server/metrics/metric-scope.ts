/**
 * What a metric request is about: the range of unit start instants [from, to),
 * the instant of evaluation, the platform's zone and the filters. Parsed from
 * request parameters here so every metric route reads them the same way; a bad
 * value throws BadParameter naming the parameter.
 */
import { BadParameter } from '../http/errors.ts';
import type { Dimension } from './metric-types.ts';
import { DIMENSIONS } from './metric-types.ts';
import { zonedInstant } from './zoned-time.ts';
import { checkDimensionValue } from './derived-dimensions.ts';

export type Filters = Partial<Record<Dimension, string[]>>;

export interface MetricScope {
  /** Inclusive start of the units' start instants. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** Nothing after this instant is seen (METRICS.md "Time"). */
  asOf: Date;
  /** Platform time zone: dates in parameters and period buckets. */
  timeZone: string;
  filters: Filters;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether the fields name a real calendar date and clock time (no 2026-02-30, no 25:00). */
function realDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

const EXPECTED = 'expected a date (2026-10-01, in the platform time zone), a local date-time (2026-10-01T08:00:00) or an instant with Z or an offset (2026-10-01T08:00:00+08:00)';

/**
 * A date, local date-time or instant parameter as an instant.
 * @example parseInstantParam('from', '2026-10-01', 'Asia/Shanghai') // 2026-09-30T16:00:00.000Z
 */
export function parseInstantParam(name: string, value: string, timeZone: string): Date {
  const v = value.trim();
  let m = DATE.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!realDate(y, mo, d)) throw new BadParameter(name, `${JSON.stringify(value)} is not a calendar date`);
    return zonedInstant({ year: y, month: mo, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
  }
  m = LOCAL.exec(v);
  if (m) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m![i] ?? 0)) as [number, number, number, number, number, number];
    if (!realDate(y, mo, d, h, mi, s)) throw new BadParameter(name, `${JSON.stringify(value)} is not a valid date and time`);
    return zonedInstant({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, timeZone, Number((m[7] ?? '0').padEnd(3, '0')));
  }
  if (INSTANT.test(v)) {
    const t = new Date(v.replace(' ', 'T'));
    const [y, mo, d, h, mi] = v.slice(0, 16).split(/[-T: ]/).map(Number) as [number, number, number, number, number];
    if (!Number.isNaN(t.getTime()) && realDate(y, mo, d, h, mi)) return t;
    throw new BadParameter(name, `${JSON.stringify(value)} is not a valid instant`);
  }
  throw new BadParameter(name, `${JSON.stringify(value)}: ${EXPECTED}`);
}

/** Longest range a request may cover: three years (a year of hours is 8,784 periods). */
const MAX_RANGE_MS = 3 * 366 * 86_400_000;

export interface ScopeParams {
  from?: string;
  to?: string;
  as_of?: string;
  [other: string]: unknown;
}

/**
 * The scope of a request. `now` is the default as_of.
 * @example parseScope({ from: '2026-10-01', to: '2026-10-08', channel: 'phone,chat' }, 'Asia/Shanghai', new Date())
 */
export function parseScope(q: ScopeParams, timeZone: string, now: Date): MetricScope {
  if (!q.from) throw new BadParameter('from', `required: ${EXPECTED}`);
  if (!q.to) throw new BadParameter('to', `required: ${EXPECTED}`);
  const from = parseInstantParam('from', q.from, timeZone);
  const to = parseInstantParam('to', q.to, timeZone);
  if (to <= from) throw new BadParameter('to', `must be after from (${from.toISOString()}); to is exclusive`);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new BadParameter('to', 'the range may cover at most three years');
  const asOf = q.as_of ? parseInstantParam('as_of', q.as_of, timeZone) : now;
  const filters: Filters = {};
  for (const d of DIMENSIONS) {
    const raw = q[d];
    if (typeof raw !== 'string') continue;
    const values = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    if (values.length === 0) throw new BadParameter(d, 'expected one or more comma-separated values');
    if (values.length > 100) throw new BadParameter(d, 'at most 100 values');
    for (const v of values) checkDimensionValue(d, v);
    filters[d] = [...new Set(values)];
  }
  return { from, to, asOf, timeZone, filters };
}
