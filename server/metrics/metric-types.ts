/**
 * A metric is declared as data (STYLE.md, Rill): what it is called, what it
 * means (the text users see in "how is this computed"), its unit, the shape of its
 * calculation, the dimensions it can be grouped by and the policy settings it
 * uses. The SQL is compiled from the shape, never written per metric id.
 */
/**
 * Attribute dimensions of METRICS.md, plus two derived from the unit itself for the
 * phone page: `hour_of_week` (`1-09` = Monday 09:00–10:00 in the platform zone, ISO
 * weekday 1–7 and hour 00–23 of the unit's start) and `wait_band` (calls: the queue
 * wait in bands, see derived-dimensions.ts), and for complaints their `outcome`
 * (FORMATS.md: refunded, compensated, ...; `open` until closed_at <= as_of), so a heatmap cell or a histogram bar
 * opens its cases through the same filters as any other number.
 */
export type Dimension = 'channel' | 'queue' | 'priority' | 'category' | 'agent' | 'source' | 'outcome' | 'hour_of_week' | 'wait_band';

export const DIMENSIONS: readonly Dimension[] = ['channel', 'queue', 'priority', 'category', 'agent', 'source', 'outcome', 'hour_of_week', 'wait_band'];

/** rate: numerator / denominator; count, sum: a total; mean: sum / count; percentile: of a distribution. */
export type MetricShape = 'rate' | 'count' | 'sum' | 'mean' | 'percentile';

export type MetricUnit = 'ratio' | 'count' | 'seconds' | 'cny' | 'per_1000';

export interface MetricDefinition {
  id: string;
  name: { zh: string; en: string };
  /** The definition as METRICS.md states it (English; the dashboard shows it in both languages' panels). */
  definition: string;
  /** Bumped whenever the definition's meaning changes; results carry it. */
  version: number;
  unit: MetricUnit;
  shape: MetricShape;
  dimensions: readonly Dimension[];
  /** Policy document keys (server/policies) the metric reads, as dotted paths. */
  settings: readonly string[];
  /** The METRICS.md section it implements. */
  section: string;
  /** For shape percentile: the fraction (0.9 = p90), computed by quantile_cont. */
  percentile?: number;
}
