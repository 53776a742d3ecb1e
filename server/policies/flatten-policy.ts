/**
 * A policy document as rows of the lookup tables metric SQL joins (migration
 * 004): one row per version and key, every value resolved (overrides and
 * defaults applied), so a join on (version, channel, priority) finds the target
 * without any JSON in SQL. Pure: the store writes what this returns.
 */
import { resolveComplaintDeadline, resolveSilenceWindow, resolveSla } from './resolve-policy.ts';
import { COMPLAINT_SOURCES, CONTACT_CHANNELS, PRIORITIES, SLA_CHANNELS, SLA_METRICS, type PolicyDocument, type Target } from './policy-schema.ts';

/** The key of the default row in tables with per-channel or per-source values. */
export const ANY = '*';

export type FlatValue = string | number | null;

export interface FlatTable {
  name: string;
  columns: readonly string[];
  rows: (version: number, doc: PolicyDocument) => FlatValue[][];
}

/** kind, seconds, days, calendar of a target (null where the kind has none). */
function targetColumns(t: Target): FlatValue[] {
  switch (t.kind) {
    case 'duration':
      return [t.kind, t.seconds, null, t.calendar];
    case 'working_days':
      return [t.kind, null, t.days, t.calendar];
    case 'none':
      return [t.kind, null, null, null];
  }
}

const settings: FlatTable = {
  name: 'policy_settings',
  columns: [
    'version', 'short_abandon_s', 'answer_target_s', 'sl_target', 'callback_trigger_s', 'callback_target_s',
    'fcr_window_s', 'fcr_window_calendar', 'complaint_lookback_s', 'complaint_lookback_calendar',
  ],
  rows: (v, d) => [[
    v, d.short_abandon_s, d.answer_target_s, d.sl_target, d.callback_trigger_s, d.callback_target_s,
    d.fcr_window.seconds, d.fcr_window.calendar, d.complaint_lookback.seconds, d.complaint_lookback.calendar,
  ]],
};

const slaTargets: FlatTable = {
  name: 'policy_sla_targets',
  columns: ['version', 'channel', 'priority', 'metric', 'kind', 'seconds', 'days', 'calendar'],
  rows: (v, d) =>
    SLA_CHANNELS.flatMap((channel) =>
      PRIORITIES.flatMap((priority) =>
        SLA_METRICS.map((metric) => [v, channel, priority, metric, ...targetColumns(resolveSla(d, channel, priority, metric))]),
      ),
    ),
};

const silenceWindows: FlatTable = {
  name: 'policy_silence_windows',
  columns: ['version', 'channel', 'seconds', 'calendar'],
  rows: (v, d) =>
    [...CONTACT_CHANNELS, ANY].map((channel) => {
      const w = resolveSilenceWindow(d, channel);
      return [v, channel, w.seconds, w.calendar];
    }),
};

const complaintDeadlines: FlatTable = {
  name: 'policy_complaint_deadlines',
  columns: ['version', 'source', 'kind', 'seconds', 'days', 'calendar'],
  rows: (v, d) => [...COMPLAINT_SOURCES, ANY].map((source) => [v, source, ...targetColumns(resolveComplaintDeadline(d, source))]),
};

/** Every lookup table, in the order they are rebuilt. */
export const FLAT_TABLES: readonly FlatTable[] = [settings, slaTargets, silenceWindows, complaintDeadlines];
