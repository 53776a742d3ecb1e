/**
 * KPI goals: the line a dashboard tile is read against ("silence rate at most
 * 5 %"). METRICS.md defines how each number is computed, not what is good enough,
 * so these are product defaults an admin changes like any other policy setting
 * (a new version, from its effective time). Service level is not here: its goal is
 * METRICS.md's own `sl_target`.
 *
 * A goal is `{ at_most: x }` (lower is better) or `{ at_least: x }`, in the
 * metric's unit: rates as fractions (5 % = 0.05), complaint_rate per 1,000,
 * seconds for asa.
 */
import { z } from 'zod';
import { METRICS } from '../metrics/metric-definitions.ts';

const value = z.number({ error: 'expected a number in the metric\'s unit (a rate as a fraction: 5 % is 0.05)' }).min(0);
export const goalSchema = z.union([z.strictObject({ at_most: value }), z.strictObject({ at_least: value })], {
  error: 'expected { "at_most": x } or { "at_least": x }',
});

const METRIC_IDS = METRICS.map((m) => m.id) as [string, ...string[]];

export const kpiGoalsSchema = z.partialRecord(z.enum(METRIC_IDS, { error: 'not a metric id of METRICS.md' }), goalSchema);

export type KpiGoals = z.output<typeof kpiGoalsSchema>;

/** Chosen for a 卡盟 platform promising "a human within 30 seconds"; see server/policies/README.md. */
export const DEFAULT_KPI_GOALS: KpiGoals = {
  silence_rate: { at_most: 0.05 },
  fcr: { at_least: 0.7 },
  sla_first_response: { at_least: 0.9 },
  sla_resolution: { at_least: 0.85 },
  answer_rate: { at_least: 0.9 },
  asa: { at_most: 20 },
  unreachable_rate: { at_most: 0.02 },
  complaint_timely_response: { at_least: 0.95 },
  complaint_rate: { at_most: 1 },
};
