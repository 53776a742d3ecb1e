/**
 * GET /api/metrics/dimension-values: the values each attribute dimension takes
 * among the contacts that start in [from, to), most frequent first, for the
 * dashboard's filter pickers. Values are the facts' latest attributes (a picker
 * lists what exists; the metrics themselves use attributes as of as_of), complaint
 * outcomes included whatever their state. Derived dimensions (hour_of_week,
 * wait_band) have fixed values and are not listed.
 */
import type { Warehouse } from '../db/warehouse.ts';
import type { MetricScope } from './metric-scope.ts';

const LISTED = ['channel', 'queue', 'priority', 'category', 'agent', 'source'] as const;
/** A picker of thousands of agents helps nobody: the busiest ones, and a flag. */
export const MAX_VALUES = 200;

export interface DimensionValues {
  values: Record<(typeof LISTED)[number] | 'outcome', { value: string; count: number }[]>;
  truncated: string[];
}

const iso = (d: Date) => `TIMESTAMPTZ '${d.toISOString()}'`;

export async function dimensionValues(wh: Warehouse, scope: Pick<MetricScope, 'from' | 'to'>): Promise<DimensionValues> {
  const range = `started_at >= ${iso(scope.from)} AND started_at < ${iso(scope.to)}`;
  const arms = LISTED.map((d) => `SELECT '${d}' AS dim, ${d} AS value, count(*) AS n FROM r WHERE ${d} IS NOT NULL GROUP BY ALL`);
  const rows = await wh.query<{ dim: string; value: string; n: number }>(`
    WITH r AS (SELECT ${LISTED.join(', ')} FROM fact_contacts WHERE ${range}),
    counted AS (
      ${arms.join('\n      UNION ALL ')}
      UNION ALL SELECT 'outcome', coalesce(outcome, 'open'), count(*) FROM complaints
        WHERE received_at >= ${iso(scope.from)} AND received_at < ${iso(scope.to)} GROUP BY ALL
    )
    SELECT dim, value, n FROM counted
    QUALIFY row_number() OVER (PARTITION BY dim ORDER BY n DESC, value) <= ${MAX_VALUES + 1}
    ORDER BY dim, n DESC, value`);
  const values = Object.fromEntries([...LISTED, 'outcome'].map((d) => [d, [] as { value: string; count: number }[]])) as DimensionValues['values'];
  for (const r of rows) values[r.dim as keyof typeof values].push({ value: r.value, count: Number(r.n) });
  const truncated = Object.entries(values).filter(([, v]) => v.length > MAX_VALUES).map(([d]) => d);
  for (const d of truncated) values[d as keyof typeof values].length = MAX_VALUES;
  return { values, truncated };
}
