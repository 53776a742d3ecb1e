/**
 * What the SQL of a metric request needs to know besides the scope, read once
 * per request from the small policy and calendar tables: the policy versions
 * (to pick the one in force at each unit's start without a join) and whether
 * each setting only uses continuous calendars (then no calendar joins at all).
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { MetricScope } from './metric-scope.ts';
import { fixedOffsetFor } from './periods.ts';

/** Settings whose calendars decide how their SQL is built. */
export type CalendarUse = 'silence' | 'fcr' | 'lookback' | 'ticket_sla' | 'complaint_sla' | 'refund_sla' | 'complaint_deadline';

export type SettingColumn =
  | 'short_abandon_s' | 'answer_target_s' | 'callback_trigger_s' | 'callback_target_s'
  | 'fcr_window_s' | 'fcr_window_calendar' | 'complaint_lookback_s' | 'complaint_lookback_calendar';

const sqlValue = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);

/** `CASE key WHEN k1 THEN v1 ... ELSE fallback END`, or the value itself when all are equal. */
function caseOf(key: string, pairs: [string, string][], fallback: string): string {
  const values = new Set([...pairs.map(([, v]) => v), fallback]);
  if (values.size === 1) return fallback;
  return `CASE ${key} ${pairs.map(([k, v]) => `WHEN ${k} THEN ${v}`).join(' ')} ELSE ${fallback} END`;
}

export interface BuildContext {
  scope: MetricScope;
  /** SQL literals of the scope's instants. */
  from: string;
  to: string;
  asOf: string;
  /** The zone's constant offset over the range, or null (then SQL uses ICU's timezone()). */
  fixedOffsetMs: number | null;
  /** SQL of the policy version in force at an instant expression (METRICS.md: the policy in force at the unit's start applies). */
  versionAt(at: string): string;
  /** Whether every calendar the setting uses (for targets of `kind` only, when given), in any version, is continuous. */
  continuous(use: CalendarUse, kind?: 'duration' | 'working_days'): boolean;
  /** Calendars a setting uses that are not continuous (for the fallback warning). */
  workingCalendars(use: CalendarUse): string[];
  /**
   * SQL of a `policy_settings` column for the version in `pv` (an expression): a
   * literal when every version has the same value, else a CASE over versions. The
   * lookup tables are a few rows; inlining them spares a hash join per unit row.
   */
  setting(column: SettingColumn, pv: string): string;
  /** The silence window of (version, channel) as SQL: seconds and calendar, '*' row for other channels. */
  silenceWindow(pv: string, channel: string): { seconds: string; calendar: string };
  /** The longest complaint look-back of any version, in seconds (a bound for reading earlier contacts). */
  maxLookbackS: number;
  /** Whether any target of the setting, in any version, is of this kind (duration, working_days). */
  hasKind(use: CalendarUse, kind: 'duration' | 'working_days'): boolean;
}

/** An instant as a SQL literal. */
export function instantLiteral(at: Date): string {
  return `TIMESTAMPTZ '${at.toISOString()}'`;
}

const USES_SQL = `
  SELECT u.use, u.kind, u.calendar, c.continuous FROM (
    SELECT 'silence' AS use, 'duration' AS kind, calendar FROM policy_silence_windows
    UNION ALL SELECT 'fcr', 'duration', fcr_window_calendar FROM policy_settings
    UNION ALL SELECT 'lookback', 'duration', complaint_lookback_calendar FROM policy_settings
    UNION ALL SELECT 'ticket_sla', kind, calendar FROM policy_sla_targets WHERE calendar IS NOT NULL AND channel NOT IN ('complaint', 'refund')
    UNION ALL SELECT 'complaint_sla', kind, calendar FROM policy_sla_targets WHERE calendar IS NOT NULL AND channel = 'complaint'
    UNION ALL SELECT 'refund_sla', kind, calendar FROM policy_sla_targets WHERE calendar IS NOT NULL AND channel = 'refund'
    UNION ALL SELECT 'complaint_deadline', kind, calendar FROM policy_complaint_deadlines
  ) u JOIN calendars c ON c.calendar_id = u.calendar
  GROUP BY ALL`;

export async function loadBuildContext(wh: Warehouse, scope: MetricScope): Promise<BuildContext> {
  const [ranges, uses, [lookback], settings, windows] = await Promise.all([
    wh.query<{ version: number; valid_from: Date }>('SELECT version, valid_from FROM policy_ranges ORDER BY valid_from DESC'),
    wh.query<{ use: CalendarUse; kind: string; calendar: string; continuous: boolean }>(USES_SQL),
    wh.query<{ s: number }>('SELECT max(complaint_lookback_s) AS s FROM policy_settings'),
    wh.query<Record<string, unknown> & { version: number }>('SELECT * FROM policy_settings ORDER BY version'),
    wh.query<{ version: number; channel: string; seconds: number; calendar: string }>('SELECT * FROM policy_silence_windows ORDER BY version, channel'),
  ]);
  const inForce = new Set(ranges.map((r) => r.version));
  const setting = (column: SettingColumn, pv: string) => {
    const rows = settings.filter((r) => inForce.has(r.version));
    return caseOf(pv, rows.slice(1).map((r) => [String(r.version), sqlValue(r[column])]), sqlValue(rows[0]![column]));
  };
  const silenceWindow = (pv: string, channel: string) => {
    const pick = (field: 'seconds' | 'calendar') => {
      const byVersion = [...inForce].sort((a, b) => a - b).map((v) => {
        const rows = windows.filter((w) => w.version === v);
        const any = rows.find((w) => w.channel === '*')!;
        const perChannel = rows.filter((w) => w.channel !== '*').map((w): [string, string] => [sqlValue(w.channel), sqlValue(w[field])]);
        return [String(v), caseOf(channel, perChannel, sqlValue(any[field]))] as [string, string];
      });
      return caseOf(pv, byVersion.slice(1), byVersion[0]![1]);
    };
    return { seconds: pick('seconds'), calendar: pick('calendar') };
  };
  if (ranges.length === 0) throw new Error('no policy version is in force: the warehouse was not opened by Warehouse.open');
  // Ranges are contiguous from the first version's start (migration 004), so
  // "the newest start at or before t" is the version in force at t.
  const versionAt = (at: string) =>
    ranges.length === 1
      ? String(ranges[0]!.version)
      : `CASE ${ranges.slice(0, -1).map((r) => `WHEN ${at} >= ${instantLiteral(r.valid_from)} THEN ${r.version}`).join(' ')} ELSE ${ranges.at(-1)!.version} END`;
  return {
    scope,
    from: instantLiteral(scope.from),
    to: instantLiteral(scope.to),
    asOf: instantLiteral(scope.asOf),
    fixedOffsetMs: fixedOffsetFor(scope.from, scope.to, scope.timeZone),
    versionAt,
    continuous: (use, kind) => uses.filter((u) => u.use === use && (kind === undefined || u.kind === kind)).every((u) => u.continuous),
    workingCalendars: (use) => [...new Set(uses.filter((u) => u.use === use && !u.continuous).map((u) => u.calendar))],
    maxLookbackS: Number(lookback?.s ?? 0),
    setting,
    silenceWindow,
    hasKind: (use, kind) => uses.some((u) => u.use === use && u.kind === kind),
  };
}
