import type { Migration } from '../migrate.ts';

/**
 * Calendars (METRICS.md "Time"; issue 3 item 2). server/calendars/ owns these
 * tables: the definitions are data an admin extends, and `calendar_days` is
 * derived from them, rebuilt in SQL (rebuild-calendar-days.ts) in the same
 * transaction as any change, so metric SQL only ever joins one narrow table.
 *
 * No primary keys on the tables that are rewritten by delete-then-insert
 * (exceptions, official years, days): DuckDB checks keys too eagerly inside such
 * a transaction. The single writer connection and the service keep them unique.
 */
export const migration: Migration = {
  version: 3,
  name: 'calendars',
  sql: `
CREATE TABLE calendars (
  calendar_id VARCHAR PRIMARY KEY,      -- '24x7', 'cn-workdays', or an admin's id
  name VARCHAR NOT NULL,
  time_zone VARCHAR NOT NULL,           -- IANA zone the working hours and days are read in
  continuous BOOLEAN NOT NULL,          -- every second counts (24x7): no hours, no exceptions
  holiday_source VARCHAR,               -- 'cn-official' (from the chinese-days package) or NULL: none
  utc_offset_s INTEGER,                 -- the zone's offset when constant over the whole range (no DST), else NULL;
                                        -- set by the rebuild, lets metric SQL find an instant's day without ICU
  builtin BOOLEAN NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  created_by VARCHAR NOT NULL           -- principal subject; 'system' for the built-in ones
);

-- Weekly working intervals in local wall-clock minutes; several a day allowed.
CREATE TABLE calendar_hours (
  calendar_id VARCHAR NOT NULL,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- ISO: 1 = Monday .. 7 = Sunday
  start_min INTEGER NOT NULL,
  end_min INTEGER NOT NULL,             -- 1440 = 24:00
  CHECK (0 <= start_min AND start_min < end_min AND end_min <= 1440),
  PRIMARY KEY (calendar_id, weekday, start_min)
);

-- Whole days that differ from the weekly hours: public holidays and make-up
-- working days (调休) from the official arrangement, closures and extra working
-- days from an admin. At most one row per (calendar, day, source); where both
-- exist the admin row is the one in force, and deleting it brings the official
-- one back.
CREATE TABLE calendar_exceptions (
  calendar_id VARCHAR NOT NULL,
  day DATE NOT NULL,
  source VARCHAR NOT NULL CHECK (source IN ('official', 'admin')),
  is_working BOOLEAN NOT NULL,
  name VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  updated_by VARCHAR NOT NULL           -- principal subject; 'system' for official rows
);

-- Years whose official arrangement is known for a calendar with a holiday
-- source; its other years fall back to the weekly hours and are flagged.
CREATE TABLE calendar_official_years (
  calendar_id VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  source VARCHAR NOT NULL               -- e.g. 'chinese-days@1.5.7'
);

-- One row per calendar and local day of the materialized range. Seconds are
-- counted from the day's start instant (equal to wall-clock seconds except on a
-- DST change day), so an instant's offset into its day is epoch arithmetic.
CREATE TABLE calendar_days (
  calendar_id VARCHAR NOT NULL,
  day DATE NOT NULL,                    -- local calendar day
  is_working BOOLEAN NOT NULL,
  intervals STRUCT(s INTEGER, e INTEGER)[] NOT NULL,  -- working intervals, seconds after day_start, sorted
  work_s INTEGER NOT NULL,              -- working seconds that day
  day_start TIMESTAMPTZ NOT NULL,       -- the instant of local 00:00
  day_end TIMESTAMPTZ NOT NULL,         -- the instant of local 24:00 (= next day_start)
  cum_s_before BIGINT NOT NULL,         -- working seconds of all earlier days in the range
  cum_days INTEGER NOT NULL,            -- working days up to and including this one
  official BOOLEAN NOT NULL,            -- false: the year's official arrangement is unknown (fallback)
  cum_fallback_days INTEGER NOT NULL    -- days with official = false up to and including this one
);
`,
};
