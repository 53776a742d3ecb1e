/**
 * Response shapes of the API the dashboard reads (server/metrics/API.md and the
 * routes under server/routes). Written out rather than imported from the server,
 * whose modules pull in DuckDB and zod: the bundle must stay small, and these
 * types are the contract as the dashboard relies on it.
 */
import type { CasePart, ContactKind } from './cases-ref.ts';
import type { MetricUnit } from './formatters.ts';

export type Role = 'viewer' | 'compliance' | 'analyst' | 'admin';

export interface LoginAnswer { token: string; role: Role; subject: string; expires_at: string }
export interface Principal { role: Role; subject: string }
export interface Health { status: string; timeZone: string; tables: Record<string, number> }

export interface DefinitionRef { id: string; version: number; name: { zh: string; en: string } }

export interface MetricDefinition extends DefinitionRef {
  definition: string;
  unit: MetricUnit;
  shape: 'rate' | 'count' | 'sum' | 'mean' | 'percentile';
  dimensions: string[];
  settings: string[];
  section: string;
}

export interface MetricValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  pending: number;
  unit: MetricUnit;
  definition: DefinitionRef;
  calendar_fallback?: boolean;
}
export interface NotApplicable { not_applicable: { parameter: string; message: string }; definition: DefinitionRef }
export type SummaryEntry = MetricValue | NotApplicable;

interface ScopeEcho { from: string; to: string; as_of: string; time_zone: string; filters: Record<string, string[]> }

export interface Summary extends ScopeEcho { metrics: Record<string, SummaryEntry> }

export interface SeriesPoint { period: string; value: number | null; numerator: number | null; denominator: number | null; pending: number }
export interface Period { label: string; start: string; end: string }
export interface Series extends ScopeEcho {
  metric: string;
  grain: string;
  group_by: string | null;
  unit: MetricUnit;
  definition: DefinitionRef;
  calendar_fallback?: boolean;
  periods: Period[];
  series: { group: string | null; points: SeriesPoint[] }[];
}

export interface CaseRow {
  kind: ContactKind; id: string; seq: number | null; started_at: string; period_at?: string;
  state: 'numerator' | 'denominator' | 'pending';
  channel: string | null; queue: string | null; priority: string | null; category: string | null;
  agent: string | null; source: string | null; customer_key: string; order_id: string | null;
  deadline: string | null; stopped_at: string | null;
}
export interface CasesPage extends ScopeEcho { metric: string; part: CasePart; total: number; page: number; page_size: number; masked: boolean; cases: CaseRow[] }

export interface TimelineItem { at: string; source: 'call' | 'ticket_event' | 'complaint'; id: string; type: string; channel: string | null; actor: string | null; detail: Record<string, unknown> }
export interface CaseDetail {
  contact: Record<string, unknown> & { kind: ContactKind; id: string };
  customer_key: string;
  window: { from: string; to: string };
  timeline: TimelineItem[];
  truncated: boolean;
  as_of: string;
  masked: boolean;
}

export type Goal = { at_most: number } | { at_least: number };
export interface PolicyInfo {
  version: number; effective_from: string; valid_to: string | null; in_force_ever: boolean;
  created_at: string; created_by: string; note: string; based_on: number | null; backdated: boolean;
  status: 'in_force' | 'scheduled' | 'superseded' | 'withdrawn';
}
export interface PolicyDocument extends Record<string, unknown> { sl_target: number; kpi_goals?: Record<string, Goal> }
export interface Policies { at: string; in_force: PolicyInfo & { document: PolicyDocument }; history: PolicyInfo[] }

export interface Calendar {
  id: string; name: string; time_zone: string; continuous: boolean; holidays: string; builtin: boolean;
  weekly_hours: { weekday: number; start: string; end: string }[];
  exceptions: { day: string; is_working: boolean; name: string; source: string; in_force: boolean }[];
  coverage: { official_years: number[]; fallback_years: number[] };
}

export interface EtlRun {
  runId: number; kind: string; file: string; fileName: string; trigger: string; status: string;
  startedAt: string; finishedAt: string | null; seconds: number | null;
  read: number; loaded: number; replaced: number; rejected: number; duplicate: number;
  error: { message: string; line: number | null } | null;
}
export interface RejectRow { line: number | null; rule: string; rules: string[]; message: string; raw: unknown }
export interface RejectsPage { run: EtlRun | null; total: number; limit: number; offset: number; rejects: RejectRow[] }

export function isApplicable(e: SummaryEntry | undefined): e is MetricValue {
  return e !== undefined && !('not_applicable' in e);
}
