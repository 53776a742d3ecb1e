/**
 * Wall-clock arithmetic in the platform's time zone, in JS, for the few values a
 * request needs (its `from`/`to`/`as_of` and the list of periods): everything
 * per row is done in SQL. Uses Intl only, so any IANA zone works, DST included.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone (month 1-12). */
export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallOf(at: Date, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Offset of the zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
export function offsetMs(at: Date, timeZone: string): number {
  const w = wallOf(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in the zone. In a DST gap the wall time does
 * not exist and the instant after the gap is returned; in an overlap, the earlier.
 * @example zonedInstant({ year: 2026, month: 10, day: 1, hour: 0, minute: 0, second: 0 }, 'Asia/Shanghai') // 2026-09-30T16:00:00Z
 */
export function zonedInstant(w: Wall, timeZone: string, ms = 0): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ms);
  // Two passes settle on the offset in force at the result (one is enough outside transitions).
  let guess = naive - offsetMs(new Date(naive), timeZone);
  guess = naive - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** Whether the zone keeps one UTC offset over [from, to] (checked daily; zones change at most daily). */
export function constantOffset(from: Date, to: Date, timeZone: string): number | null {
  const first = offsetMs(from, timeZone);
  for (let t = from.getTime(); t <= to.getTime() + 86_400_000; t += 86_400_000) {
    if (offsetMs(new Date(t), timeZone) !== first) return null;
  }
  return first;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-10-01`, `2026-10-01T13:00` */
export function wallDate(w: Pick<Wall, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

export function wallHour(w: Wall): string {
  return `${wallDate(w)}T${pad(w.hour)}:00`;
}
