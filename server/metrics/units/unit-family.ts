/**
 * A unit family: one SQL relation whose rows are the units of several metrics
 * (contacts, tickets, refunds, FCR-eligible contacts, call attempts, complaints),
 * with the standard columns every metric route reads and, per metric, a state
 * column (and where needed a value, a deadline and a stop instant). Summary,
 * series and case lists all read this one relation, so they cannot disagree.
 *
 * Standard columns: kind ('call' | 'ticket' | 'complaint'), id, seq (refunds: the
 * request's number on its ticket, else NULL), start_at (the instant that places
 * the unit in a period), channel, queue, priority, category, agent, source,
 * customer_key, order_id.
 *
 * State values: 'num' (in the numerator, and so in the denominator), 'den' (in
 * the denominator only), 'pending' (outcome not knowable at as_of), NULL (not a
 * unit of this metric).
 */
import type { BuildContext, CalendarUse } from '../build-context.ts';

export type FamilyName = 'contacts' | 'tickets' | 'refunds' | 'fcr' | 'calls' | 'complaints';

export interface MetricColumns {
  state: string;
  /** Value column for sum, mean and percentile metrics. */
  value?: string;
  /** The end of the unit's window or its target, for case lists. */
  deadline?: string;
  /** The instant that decided the unit (reply, response, resolution), for case lists. */
  stop?: string;
  /** Settings whose calendars the metric's results depend on (fallback warning). */
  uses: CalendarUse[];
}

export interface UnitRelation {
  /** Common table expressions, in order, without WITH. */
  ctes: string[];
  /** Name of the CTE holding the unit rows. */
  relation: string;
}

export interface UnitFamily {
  name: FamilyName;
  metrics: Readonly<Record<string, MetricColumns>>;
  build(ctx: BuildContext): UnitRelation;
}

/** Seconds (DOUBLE) as an interval; NULL when absurdly large rather than an error. */
export function secondsInterval(expr: string): string {
  return `to_microseconds(TRY_CAST((${expr}) * 1000000 AS BIGINT))`;
}

/** `list_contains(['a', 'b'], col)` (DuckDB plans `col IN (5+ constants)` as a join). */
export function inList(values: readonly string[], col: string): string {
  return `list_contains([${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}], ${col})`;
}
