/**
 * Reading a tile against its goal. Goals live in the policy in force
 * (`kpi_goals`, server/policies/kpi-goals.ts); service level's goal is
 * METRICS.md's own `sl_target`. Which way is better comes from the goal; for a
 * metric without one, from what the metric counts (more complaints is worse).
 */
import type { Goal, PolicyDocument } from './api-types.ts';

export type Direction = 'lower' | 'higher';
export type Tone = 'good' | 'bad' | 'flat';

/** Metrics whose better direction is known without a goal (counts of failures and waits). */
const LOWER_IS_BETTER = new Set([
  'silence_rate', 'followup_silence_rate', 'template_only_rate', 'silence_before_complaint', 'unreachable_rate', 'abandon_rate',
  'timeout_rate', 'asa', 'asa_p50', 'asa_p90', 'callback_missed_obligation', 'complaints', 'complaint_amount', 'complaint_rate',
]);

export function goalFor(metricId: string, doc: PolicyDocument | null | undefined): Goal | null {
  if (!doc) return null;
  if (metricId === 'service_level' && typeof doc.sl_target === 'number') return { at_least: doc.sl_target };
  return doc.kpi_goals?.[metricId] ?? null;
}

export function directionOf(metricId: string, goal: Goal | null): Direction {
  if (goal) return 'at_most' in goal ? 'lower' : 'higher';
  return LOWER_IS_BETTER.has(metricId) ? 'lower' : 'higher';
}

/** Whether `value` meets `goal`; null when either is missing. */
export function meetsGoal(value: number | null | undefined, goal: Goal | null): boolean | null {
  if (value === null || value === undefined || !goal) return null;
  return 'at_most' in goal ? value <= goal.at_most : value >= goal.at_least;
}

/** The goal's threshold and its sign for display (`≤ 5 %`). */
export function goalParts(goal: Goal): { sign: '≤' | '≥'; value: number } {
  return 'at_most' in goal ? { sign: '≤', value: goal.at_most } : { sign: '≥', value: goal.at_least };
}

/** Whether a change is an improvement, read in the metric's better direction. */
export function changeTone(current: number | null | undefined, previous: number | null | undefined, dir: Direction): Tone | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (current === previous) return 'flat';
  return (current < previous) === (dir === 'lower') ? 'good' : 'bad';
}
