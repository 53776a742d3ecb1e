// What kind of day a local calendar day is for a 卡盟 support desk: weekday,
// holiday (thin staffing), sale or game-event day (2–4× surges), and the hourly
// shape of demand. Everything is derived from dates inside the period so that
// any `end` gives a plausible year.
import { type LocalDate, addDays, dateKey, weekday } from './calendar.js';
import { Rng } from './prng.js';

export type DayKind = 'normal' | 'sale' | 'game_event';

export interface DayProfile {
  date: LocalDate;
  kind: DayKind;
  holiday: string | null;
  /** Multiplier of fresh contact volume against an average weekday. */
  volume: number;
  /** Multiplier of agents on duty against a normal weekday. */
  staffing: number;
  /** Demand weight per local hour (not normalised). */
  hourly: readonly number[];
}

// Gamers: quiet 01–08, a late-morning peak and the big evening peak 20–23.
const HOURLY_BASE = [
  3.0, 1.6, 0.9, 0.5, 0.35, 0.3, 0.4, 0.8, 1.8, 3.2, 4.8, 5.6,
  5.0, 4.0, 4.0, 4.2, 4.1, 4.0, 4.3, 5.0, 6.0, 6.4, 6.0, 4.5,
];
// Sun … Sat: weekends are top-up days.
const WEEKDAY_VOLUME = [1.15, 0.92, 0.9, 0.92, 0.95, 1.05, 1.2];
const WEEKEND_STAFFING = 0.95;

// Platform-wide sales worth a surge (618, 818, 99大促, 双11, 双12, 38节).
const SALE_DATES = ['03-08', '06-18', '08-18', '09-09', '11-11', '12-12'];
// 春节 (lunar new year's day); the public holiday runs from the eve for 8 days.
const SPRING_FESTIVAL: Record<number, string> = {
  2020: '01-25', 2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10',
  2025: '01-29', 2026: '02-17', 2027: '02-06', 2028: '01-26', 2029: '02-13',
  2030: '02-03', 2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19', 2035: '02-08',
};

export function holidayOf(date: LocalDate): string | null {
  const md = dateKey(date).slice(5);
  if (md === '01-01') return '元旦';
  if (md >= '05-01' && md <= '05-05') return '劳动节';
  if (md >= '10-01' && md <= '10-07') return '国庆节';
  for (const year of [date.y, date.y + 1]) {
    const sf = SPRING_FESTIVAL[year];
    if (!sf) continue;
    const [m, d] = sf.split('-').map(Number) as [number, number];
    const eve = addDays({ y: year, m, d }, -1);
    const diff = (Date.UTC(date.y, date.m - 1, date.d) - Date.UTC(eve.y, eve.m - 1, eve.d)) / 86_400_000;
    if (diff >= 0 && diff < 8) return '春节';
  }
  return null;
}

/** Working day on an approximation of cn-workdays (no 调休 make-up days). */
export function isWorkingDay(date: LocalDate): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && holidayOf(date) === null;
}

/**
 * Chooses the surge days of the period: every fixed sale date in range, a
 * seeded "店庆" anniversary sale when none falls inside, and a game-event day
 * (version update, new season) every 14–21 days.
 */
function surgeDays(days: LocalDate[], rng: Rng): Map<string, DayKind> {
  const kinds = new Map<string, DayKind>();
  for (const d of days) if (SALE_DATES.includes(dateKey(d).slice(5))) kinds.set(dateKey(d), 'sale');
  if (kinds.size === 0 && days.length >= 10) kinds.set(dateKey(days[rng.int(3, days.length - 3)]!), 'sale');
  for (let i = rng.int(2, 12); i < days.length; i += rng.int(14, 21)) {
    const key = dateKey(days[i]!);
    if (!kinds.has(key)) kinds.set(key, 'game_event');
  }
  return kinds;
}

function hourlyFor(kind: DayKind, holiday: string | null): number[] {
  return HOURLY_BASE.map((w, h) => {
    if (kind === 'sale' && h <= 1) return w * 3; // the midnight sale rush
    if (kind === 'game_event' && h >= 10 && h <= 13) return w * 1.6; // after maintenance ends
    if (holiday && h >= 1 && h <= 9) return w * 1.4; // holiday gamers stay up late
    return w;
  });
}

/** One profile per local day of the period, in order. */
export function buildDayProfiles(days: LocalDate[], rng: Rng): DayProfile[] {
  const surges = surgeDays(days, rng);
  return days.map((date) => {
    const kind = surges.get(dateKey(date)) ?? 'normal';
    const holiday = holidayOf(date);
    const wd = weekday(date);
    let volume = (WEEKDAY_VOLUME[wd] as number) * Math.max(0.8, rng.normal(1, 0.06));
    let staffing = wd === 0 || wd === 6 ? WEEKEND_STAFFING : 1;
    if (kind === 'sale') volume *= rng.uniform(2.6, 3.6);
    if (kind === 'game_event') volume *= rng.uniform(1.9, 2.5);
    if (kind !== 'normal') staffing *= 1.15; // some overtime, never enough
    if (holiday) {
      volume *= holiday === '春节' ? 1.15 : 1.2;
      staffing *= holiday === '春节' ? 0.5 : 0.6;
    }
    return { date, kind, holiday, volume, staffing, hourly: hourlyFor(kind, holiday) };
  });
}
