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
  const [ranges, uses, [lookback]] = await Promise.all([
    wh.query<{ version: number; valid_from: Date }>('SELECT version, valid_from FROM policy_ranges ORDER BY valid_from DESC'),
    wh.query<{ use: CalendarUse; kind: string; calendar: string; continuous: boolean }>(USES_SQL),
    wh.query<{ s: number }>('SELECT max(complaint_lookback_s) AS s FROM policy_settings'),
  ]);
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
    hasKind: (use, kind) => uses.some((u) => u.use === use && u.kind === kind),
  };
}
