/**
 * Calendar dates as `YYYY-MM-DD` strings: the form the API takes for `from`/`to`
 * (a date means 00:00 in the platform's time zone, API.md). Arithmetic runs on
 * UTC midnights, where every day has 24 hours, so adding days never slips across
 * a daylight-saving change; only "what day is it now" needs the platform zone.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date (2026-02-30 is not one). */
export function isIsoDate(s: string | null | undefined): s is IsoDate {
  const m = s ? ISO_DATE.exec(s) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function toUtcMs(d: IsoDate): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** @example addDays('2026-10-31', 1) // '2026-11-01' */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** @example monthStart('2026-10-17') // '2026-10-01' */
export function monthStart(d: IsoDate): IsoDate {
  return `${d.slice(0, 7)}-01`;
}

/**
 * Today's date in `timeZone`. `en-CA` formats as YYYY-MM-DD, which saves
 * assembling parts; the browser's own zone plays no part.
 *
 * @example todayIn('Asia/Shanghai', new Date('2026-09-30T16:30:00Z')) // '2026-10-01'
 */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
