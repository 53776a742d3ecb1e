/**
 * Request and response shapes of /api/settings/calendars. The routes validate
 * requests with these, the OpenAPI document is generated from them, and the
 * tests check responses against them. Field names are snake_case like the other
 * settings endpoint (/api/settings/policies).
 */
import { z } from 'zod';
import { CALENDAR_RANGE } from './calendar-range.ts';
import { minutesOfClock } from './clock-time.ts';

export const CALENDAR_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

const calendarId = z
  .string()
  .regex(CALENDAR_ID, 'expected 1–64 characters: lower-case letters, digits, . _ - (starting with a letter or digit)')
  .describe("calendar id, e.g. 'cn-workdays'");

/** A real calendar day inside the materialized range. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(Date.parse(d)).toISOString().startsWith(d), 'not a calendar day')
  .refine((d) => d >= CALENDAR_RANGE.from && d <= CALENDAR_RANGE.to, `calendars cover ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`)
  .describe(`local calendar day, YYYY-MM-DD, ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`);

export const calendarDayParams = z.object({ id: calendarId, day });

export const putDayBody = z.strictObject({
  is_working: z.boolean().describe('false: a closure (no working time that day); true: an extra working day with the hours of a normal working day'),
  name: z.string().trim().min(1, 'say what the day is, e.g. 公司年会 company offsite').max(200).describe('shown beside the day'),
});

const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected HH:MM, 00:00 to 24:00');

const weeklyInterval = z
  .strictObject({
    weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 = Monday … 7 = Sunday'),
    start: clock.describe('local wall-clock start, HH:MM'),
    end: clock.describe('local wall-clock end, HH:MM; 24:00 = midnight at the end of the day'),
  })
  .refine((i) => minutesOfClock(i.end) <= 24 * 60 && minutesOfClock(i.start) < minutesOfClock(i.end), 'start must be before end, and end at most 24:00');

export const postCalendarBody = z.strictObject({
  id: calendarId,
  name: z.string().trim().min(1).max(200),
  time_zone: z.string().min(1).max(64).describe('IANA time zone, e.g. Asia/Shanghai'),
  continuous: z.boolean().default(false).describe('every second counts (like 24x7): no weekly hours, no holidays'),
  weekly_hours: z.array(weeklyInterval).max(7 * 24).default([]).describe('working intervals; several a day allowed, none overlapping'),
  holidays: z
    .enum(['cn-official', 'none'])
    .default('none')
    .describe("'cn-official': follow mainland China's official holidays and make-up working days (like cn-workdays); 'none': weekly hours only"),
});

export const weeklyIntervalResponse = z.object({ weekday: z.number().int(), start: z.string(), end: z.string() });

export const calendarExceptionResponse = z.object({
  day: z.string(),
  is_working: z.boolean(),
  name: z.string(),
  source: z.enum(['official', 'admin']),
  in_force: z.boolean().describe('false for an official day an admin row overrides'),
  updated_at: z.iso.datetime(),
  updated_by: z.string(),
});

export const calendarResponse = z.object({
  id: z.string(),
  name: z.string(),
  time_zone: z.string(),
  continuous: z.boolean(),
  holidays: z.enum(['cn-official', 'none']),
  builtin: z.boolean(),
  weekly_hours: z.array(weeklyIntervalResponse),
  exceptions: z.array(calendarExceptionResponse).describe(`days that differ from the weekly hours, ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}`),
  coverage: z.object({
    range: z.object({ from: z.string(), to: z.string() }).describe('the days the calendar is computed for'),
    official_source: z.string().nullable().describe("e.g. 'chinese-days@1.5.7'; null when the calendar follows no official arrangement"),
    official_years: z.array(z.number().int()).describe('years of the range whose official arrangement is known'),
    fallback_years: z.array(z.number().int()).describe('years of the range counted Monday to Friday (weekly hours) for want of it; numbers using them carry a warning'),
  }),
});

export const calendarsResponse = z.object({ calendars: z.array(calendarResponse) });

export type CalendarResponse = z.infer<typeof calendarResponse>;
