// The period as local calendar days and file chunks. The period is
// [end − days × 24 h, end); its first and last local days may be partial, and
// chunk boundaries fall on local midnights so files line up with days.
import { DAY, type LocalDate, ZoneClock, addDays, dateKey } from './calendar.js';
import { buildDayProfiles } from './day-profile.js';
import { type DayLoad, type Volume, buildDayLoad } from './model.js';
import { Rng } from './prng.js';
import type { Staff } from './staffing.js';

export interface Chunk {
  /** Local date of its first day, `YYYYMMDD`, used in file names. */
  label: string;
  firstDay: number;
  lastDay: number; // inclusive
}

export interface Period {
  start: number;
  end: number;
  clock: ZoneClock;
  loads: DayLoad[];
  chunks: Chunk[];
  /** Index of the local day containing an instant, clamped to the period's days. */
  dayIndex(ms: number): number;
}

function localDays(clock: ZoneClock, start: number, end: number): LocalDate[] {
  const first = clock.localDate(start);
  const last = dateKey(clock.localDate(end - 1));
  const days: LocalDate[] = [first];
  while (dateKey(days[days.length - 1]!) < last) days.push(addDays(days[days.length - 1]!, 1));
  return days;
}

export function planPeriod(end: number, days: number, timeZone: string, daysPerFile: number,
  staff: Staff, volume: Volume, seed: number): Period {
  const clock = new ZoneClock(timeZone);
  const start = end - days * DAY;
  const dates = localDays(clock, start, end);
  const profiles = buildDayProfiles(dates, new Rng(seed ^ 0x1b873593));
  const loads = profiles.map((p, i) => buildDayLoad(i, p, clock, staff, volume));
  const chunks: Chunk[] = [];
  for (let first = 0; first < dates.length; first += daysPerFile) {
    const lastDay = Math.min(dates.length - 1, first + daysPerFile - 1);
    chunks.push({ label: dateKey(dates[first]!).replace(/-/g, ''), firstDay: first, lastDay });
  }
  const d0 = dates[0]!;
  const firstWallMidnight = Date.UTC(d0.y, d0.m - 1, d0.d);
  const dayIndex = (ms: number) => {
    const i = Math.floor((clock.wall(ms) - firstWallMidnight) / DAY);
    return Math.max(0, Math.min(loads.length - 1, i));
  };
  return { start, end, clock, loads, chunks, dayIndex };
}
