/**
 * Periods of a series (METRICS.md "Time": a unit belongs to the hour, day, week
 * or month of its start instant in the platform's time zone). SQL groups on an
 * integer period key (STACK.md: grouping on a formatted value doubled the cost);
 * JS lists every period of [from, to) with its label and instants, so empty
 * periods are present.
 *
 * Keys count periods since 1970-01-01 on the local wall clock:
 * hour = local µs // 3600 s, day = local µs // 86400 s, week = (day + 3) // 7
 * (weeks start on Monday; 1970-01-01 was a Thursday), month = year * 12 + month − 1.
 */
import { constantOffset, wallDate, wallHour, wallOf, zonedInstant, type Wall } from './zoned-time.ts';

export const GRAINS = ['hour', 'day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** A series longer than this is refused (an hourly series over years would not be read by anyone). */
export const MAX_PERIODS = 10_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  key: number;
  label: string;
  /** Start and end instants, clipped to [from, to). */
  start: Date;
  end: Date;
}

/** SQL of the local wall-clock microseconds of an instant column. */
export function localMicros(col: string, timeZone: string, fixedOffsetMs: number | null): string {
  if (fixedOffsetMs !== null) return `(epoch_us(${col}) + ${fixedOffsetMs * 1000})`;
  return `epoch_us(timezone('${timeZone.replaceAll("'", "''")}', ${col}))`;
}

/** SQL of the period key of an instant column. */
export function periodKeySql(grain: Grain, col: string, timeZone: string, fixedOffsetMs: number | null): string {
  const l = localMicros(col, timeZone, fixedOffsetMs);
  switch (grain) {
    case 'hour':
      return `(${l} // 3600000000)`;
    case 'day':
      return `(${l} // 86400000000)`;
    case 'week':
      return `((${l} // 86400000000 + 3) // 7)`;
    case 'month':
      return `(year(make_timestamp(${l})) * 12 + month(make_timestamp(${l})) - 1)`;
  }
}

/** The zone's offset when it is the same over the range (then SQL uses arithmetic instead of ICU). */
export function fixedOffsetFor(from: Date, to: Date, timeZone: string): number | null {
  return constantOffset(from, to, timeZone);
}

function naiveMs(at: Date, timeZone: string): number {
  const w = wallOf(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function keyOf(grain: Grain, at: Date, timeZone: string): number {
  const ms = naiveMs(at, timeZone);
  const day = Math.floor(ms / DAY_MS);
  switch (grain) {
    case 'hour':
      return Math.floor(ms / HOUR_MS);
    case 'day':
      return day;
    case 'week':
      return Math.floor((day + 3) / 7);
    case 'month': {
      const d = new Date(ms);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    }
  }
}

/** Wall clock at the start of a period key. */
function wallStart(grain: Grain, key: number): Wall {
  const fromMs = (ms: number): Wall => {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: 0, second: 0 };
  };
  switch (grain) {
    case 'hour':
      return fromMs(key * HOUR_MS);
    case 'day':
      return fromMs(key * DAY_MS);
    case 'week':
      return fromMs((key * 7 - 3) * DAY_MS);
    case 'month':
      return { year: Math.floor(key / 12), month: (key % 12) + 1, day: 1, hour: 0, minute: 0, second: 0 };
  }
}

function label(grain: Grain, w: Wall): string {
  switch (grain) {
    case 'hour':
      return wallHour(w);
    case 'day':
    case 'week':
      return wallDate(w);
    case 'month':
      return wallDate(w).slice(0, 7);
  }
}

/** Number of periods of [from, to), to refuse an oversized series before listing it. */
export function countPeriods(grain: Grain, from: Date, to: Date, timeZone: string): number {
  return keyOf(grain, new Date(to.getTime() - 1), timeZone) - keyOf(grain, from, timeZone) + 1;
}

/** Every period of [from, to) in order (to > from). */
export function listPeriods(grain: Grain, from: Date, to: Date, timeZone: string): Period[] {
  const first = keyOf(grain, from, timeZone);
  const last = keyOf(grain, new Date(to.getTime() - 1), timeZone);
  const out: Period[] = [];
  for (let key = first; key <= last; key++) {
    const w = wallStart(grain, key);
    const start = zonedInstant(w, timeZone);
    const end = zonedInstant(wallStart(grain, key + 1), timeZone);
    out.push({
      key,
      label: label(grain, w),
      start: start < from ? from : start,
      end: end > to ? to : end,
    });
  }
  return out;
}
