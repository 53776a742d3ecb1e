/** Local wall-clock times of weekly hours: 'HH:MM' (00:00 to 24:00) ↔ minutes of the day. */

/** @example minutesOfClock('13:30') // 810 */
export function minutesOfClock(hhmm: string): number {
  const [h = 'NaN', m = 'NaN'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** @example clockOfMinutes(1440) // '24:00' */
export function clockOfMinutes(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
