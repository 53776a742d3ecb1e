// Local-time helpers in the platform zone, independent of the machine's TZ.
// Offsets come from Intl per instant (cached per 15 minutes, the finest step
// any zone's offset changes on), so DST zones work as well as Asia/Shanghai.

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const BUCKET = 15 * MINUTE;

export interface LocalDate {
  y: number;
  m: number; // 1-12
  d: number;
}

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Offset of a zone at an instant, in minutes east of UTC, with a per-zone cache. */
export class ZoneClock {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  private readonly dayOffsets = new Map<number, number>();
  private readonly dateStrings = new Map<number, string>();

  constructor(readonly timeZone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  }

  offsetMinutes(ms: number): number {
    // Most days have one offset: cache it per UTC day, and only days with a
    // transition (offset differs at both ends) fall back to 15-minute buckets.
    const day = Math.floor(ms / DAY);
    let off = this.dayOffsets.get(day);
    if (off === undefined) {
      const first = this.computeOffset(day * DAY);
      off = first === this.computeOffset((day + 1) * DAY) ? first : NaN;
      this.dayOffsets.set(day, off);
    }
    return Number.isNaN(off) ? this.bucketOffset(ms) : off;
  }

  private bucketOffset(ms: number): number {
    const key = Math.floor(ms / BUCKET);
    let off = this.offsets.get(key);
    if (off === undefined) {
      off = this.computeOffset(key * BUCKET);
      this.offsets.set(key, off);
    }
    return off;
  }

  private computeOffset(ms: number): number {
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(ms))) p[part.type] = Number(part.value);
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
  }

  /** Local wall-clock time as if it were UTC (use getUTC* on the result). */
  wall(ms: number): number {
    return ms + this.offsetMinutes(ms) * MINUTE;
  }

  localDate(ms: number): LocalDate {
    const w = new Date(this.wall(ms));
    return { y: w.getUTCFullYear(), m: w.getUTCMonth() + 1, d: w.getUTCDate() };
  }

  localHour(ms: number): number {
    return Math.floor((this.wall(ms) % DAY + DAY) % DAY / HOUR);
  }

  /** UTC instant of a local wall-clock time (two passes settle the offset). */
  toInstant(y: number, m: number, d: number, h = 0, mi = 0): number {
    const wallMs = Date.UTC(y, m - 1, d, h, mi);
    let ms = wallMs - this.offsetMinutes(wallMs) * MINUTE;
    ms = wallMs - this.offsetMinutes(ms) * MINUTE;
    return ms;
  }

  /** First instant at or after `ms` whose local time is `hour`:00. */
  nextLocalHour(ms: number, hour: number): number {
    const { y, m, d } = this.localDate(ms);
    const today = this.toInstant(y, m, d, hour);
    if (today >= ms) return today;
    const next = addDays({ y, m, d }, 1);
    return this.toInstant(next.y, next.m, next.d, hour);
  }

  /** `2026-03-08T14:05:09+08:00` (withOffset) or `2026-03-08 14:05:09` (platform-local). */
  format(ms: number, withOffset: boolean): string {
    const off = this.offsetMinutes(ms);
    const wallMs = ms + off * MINUTE;
    const dayNo = Math.floor(wallMs / DAY);
    const secs = Math.floor((wallMs - dayNo * DAY) / SECOND);
    const time = PAD2[Math.floor(secs / 3600)]! + ':' + PAD2[Math.floor(secs / 60) % 60]! + ':' + PAD2[secs % 60]!;
    const date = this.dateString(dayNo);
    if (!withOffset) return date + ' ' + time;
    return date + 'T' + time + offsetSuffix(off);
  }

  /** `20260308`: local date as used in file names and ids. */
  compactDate(ms: number): string {
    const dayNo = Math.floor(this.wall(ms) / DAY);
    return this.dateString(dayNo).replace(/-/g, '');
  }

  private dateString(dayNo: number): string {
    let s = this.dateStrings.get(dayNo);
    if (s === undefined) {
      s = new Date(dayNo * DAY).toISOString().slice(0, 10);
      this.dateStrings.set(dayNo, s);
    }
    return s;
  }
}

function offsetSuffix(off: number): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return sign + PAD2[Math.floor(a / 60)]! + ':' + PAD2[a % 60]!;
}

/** Calendar date arithmetic on plain y-m-d values (no time zone involved). */
export function addDays(date: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function dateKey(date: LocalDate): string {
  return `${date.y}-${PAD2[date.m]}-${PAD2[date.d]}`;
}
