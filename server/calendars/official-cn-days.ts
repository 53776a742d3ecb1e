/**
 * Mainland China's official holiday arrangement (国务院办公厅 notices), read from
 * the maintained `chinese-days` package (METRICS.md "Time": a maintained package,
 * not a list typed in here). A year is known when the package has any day of it:
 * the State Council publishes a whole year's arrangement at once.
 *
 * The package's `holidays` are days off (weekend days inside a holiday run
 * included); `workdays` are make-up working days (调休上班); `inLieuDays` is the
 * subset of holidays that were weekdays moved off in exchange, kept only in names.
 */
import { createRequire } from 'node:module';

/** The value `holiday_source` has on calendars that follow this arrangement. */
export const CN_OFFICIAL = 'cn-official';

export interface OfficialDay {
  day: string;
  is_working: boolean;
  name: string;
}

export interface OfficialArrangement {
  /** Package and version, stored beside each year for provenance. */
  source: string;
  years: number[];
  days: OfficialDay[];
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

// The package is CommonJS with no ESM entry for its JSON; createRequire reads it
// the same way under tsx, vitest and the esbuild bundle (packages stay external).
const require = createRequire(import.meta.url);

/** "National Day,国庆节,3" → "国庆节 National Day". */
function festival(value: string): string {
  const [en = '', zh = ''] = value.split(',');
  return `${zh} ${en}`.trim();
}

let cached: OfficialArrangement | undefined;

export function officialCnArrangement(): OfficialArrangement {
  if (cached) return cached;
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysJson;
  const { version } = require('chinese-days/package.json') as { version: string };
  const days: OfficialDay[] = [];
  for (const [day, value] of Object.entries(data.holidays)) {
    const lieu = day in data.inLieuDays ? ' (调休 day off in lieu)' : '';
    days.push({ day, is_working: false, name: festival(value) + lieu });
  }
  for (const [day, value] of Object.entries(data.workdays)) {
    days.push({ day, is_working: true, name: `${festival(value)} (补班 make-up working day)` });
  }
  days.sort((a, b) => (a.day < b.day ? -1 : 1));
  const years = [...new Set(days.map((d) => Number(d.day.slice(0, 4))))].sort((a, b) => a - b);
  cached = { source: `chinese-days@${version}`, years, days };
  return cached;
}
