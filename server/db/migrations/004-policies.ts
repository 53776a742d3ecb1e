import type { Migration } from '../migrate.ts';

/**
 * Versioned policies (METRICS.md: settings in `code font` are stored, versioned
 * values; a change applies from its effective time). server/policies/ owns these
 * tables: policy-store.ts adds versions and rebuilds the lookup tables.
 *
 * `policy_versions` is append-only: one row per version, the whole document as
 * JSON. The version in force at an instant is the newest version (highest
 * number) whose effective_from is at or before it; `policy_ranges` spells that
 * out as half-open ranges [valid_from, valid_to), valid_to NULL while open. A
 * version replaced before it took effect (a withdrawn schedule) has no range.
 * policy-store.ts refuses a version that would start at or before the start of
 * a version that has already applied, so an applied version keeps its period;
 * only the open end of the one in force can be cut (by a backdated version).
 *
 * The lookup tables hold each version's document flattened (overrides and
 * defaults resolved) so metric SQL joins them on the version in force at a
 * contact's start time; they are derived data, rebuilt from the documents in the
 * transaction that adds a version and at every start. No primary keys on them:
 * DuckDB checks keys too eagerly inside a delete-then-insert transaction.
 */
export const migration: Migration = {
  version: 4,
  name: 'policies',
  sql: `
CREATE TABLE policy_versions (
  version INTEGER PRIMARY KEY,
  effective_from TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR NOT NULL,          -- principal subject, e.g. 'local-admin'; 'system' for the defaults
  note VARCHAR NOT NULL,                -- why: required for every version
  document JSON NOT NULL,               -- the whole policy (server/policies/policy-schema.ts)
  based_on INTEGER,                     -- the version a PATCH was merged over; NULL for a whole document
  backdated BOOLEAN NOT NULL            -- effective_from was before created_at (confirmed with backdate: true)
);

CREATE VIEW policy_ranges AS
SELECT version, valid_from, valid_to FROM (
  SELECT version, effective_from AS valid_from,
    -- the earliest start among newer versions ends this one
    min(effective_from) OVER (ORDER BY version DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS valid_to
  FROM policy_versions
) WHERE valid_to IS NULL OR valid_to > valid_from;

CREATE TABLE policy_settings (
  version INTEGER NOT NULL,
  short_abandon_s INTEGER NOT NULL,
  answer_target_s INTEGER NOT NULL,
  sl_target DOUBLE NOT NULL,            -- a fraction: 0.8 = 80 %
  callback_trigger_s INTEGER NOT NULL,
  callback_target_s INTEGER NOT NULL,
  fcr_window_s INTEGER NOT NULL,
  fcr_window_calendar VARCHAR NOT NULL,
  complaint_lookback_s INTEGER NOT NULL,
  complaint_lookback_calendar VARCHAR NOT NULL
);

-- Every (channel, priority, metric) of SLA_CHANNELS x PRIORITIES, overrides applied.
-- kind 'none': the metric has no target there (refund first response).
CREATE TABLE policy_sla_targets (
  version INTEGER NOT NULL,
  channel VARCHAR NOT NULL,             -- chat web phone social marketplace email complaint refund
  priority VARCHAR NOT NULL,            -- low normal high urgent (complaints: all four rows are the same)
  metric VARCHAR NOT NULL,              -- first_response | resolution
  kind VARCHAR NOT NULL,                -- duration | working_days | none
  seconds INTEGER,                      -- kind duration: working seconds on the calendar
  days INTEGER,                         -- kind working_days
  calendar VARCHAR                      -- 24x7 | cn-workdays; NULL for none
);

-- Every contact channel, plus channel '*' holding the default for any other.
CREATE TABLE policy_silence_windows (
  version INTEGER NOT NULL,
  channel VARCHAR NOT NULL,
  seconds INTEGER NOT NULL,
  calendar VARCHAR NOT NULL
);

-- Every complaint source, plus source '*' holding the default.
CREATE TABLE policy_complaint_deadlines (
  version INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,                -- duration | working_days
  seconds INTEGER,
  days INTEGER,
  calendar VARCHAR NOT NULL
);

-- Which calendars each version uses (for server/calendars: a calendar in use
-- must not be deleted).
CREATE VIEW policy_calendar_refs AS
SELECT DISTINCT version, calendar FROM (
  SELECT version, calendar FROM policy_sla_targets WHERE calendar IS NOT NULL
  UNION ALL SELECT version, calendar FROM policy_silence_windows
  UNION ALL SELECT version, calendar FROM policy_complaint_deadlines
  UNION ALL SELECT version, fcr_window_calendar FROM policy_settings
  UNION ALL SELECT version, complaint_lookback_calendar FROM policy_settings
);
`,
};
