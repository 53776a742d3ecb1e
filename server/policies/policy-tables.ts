/**
 * Kysely types of migration 004's tables and views, for server/db/schema.ts to
 * include (`interface Database extends PolicyTables`). The migration is the
 * source of truth; keep these in step.
 */
export type PolicyTables = {
  policy_versions: {
    version: number;
    effective_from: Date;
    created_at: Date;
    created_by: string;
    note: string;
    /** JSON text of the document; parse it with parsePolicyDocument. */
    document: string;
    based_on: number | null;
    backdated: boolean;
  };
  /** View: [valid_from, valid_to) of every version that is or was ever in force; valid_to null while open. */
  policy_ranges: { version: number; valid_from: Date; valid_to: Date | null };
  policy_settings: {
    version: number;
    short_abandon_s: number;
    answer_target_s: number;
    sl_target: number;
    callback_trigger_s: number;
    callback_target_s: number;
    fcr_window_s: number;
    fcr_window_calendar: string;
    complaint_lookback_s: number;
    complaint_lookback_calendar: string;
  };
  policy_sla_targets: {
    version: number;
    channel: string;
    priority: string;
    metric: 'first_response' | 'resolution';
    kind: 'duration' | 'working_days' | 'none';
    seconds: number | null;
    days: number | null;
    calendar: string | null;
  };
  policy_silence_windows: { version: number; channel: string; seconds: number; calendar: string };
  policy_complaint_deadlines: {
    version: number;
    source: string;
    kind: 'duration' | 'working_days';
    seconds: number | null;
    days: number | null;
    calendar: string;
  };
  /** View: the calendars each version names. */
  policy_calendar_refs: { version: number; calendar: string };
};
