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
 * State values (UTINYINT: grouping and filtering small integers was ~2x faster
 * than strings): NUM (in the numerator, and so in the denominator), DEN (in the
 * denominator only), PENDING (outcome not knowable at as_of), NULL (not a unit
 * of this metric).
 */
import type { BuildContext, CalendarUse } from '../build-context.ts';

export const NUM = '1::UTINYINT';
export const DEN = '2::UTINYINT';
export const PENDING = '3::UTINYINT';
/** The API's names of the state codes. */
export const STATE_NAMES: Readonly<Record<number, 'numerator' | 'denominator' | 'pending'>> = { 1: 'numerator', 2: 'denominator', 3: 'pending' };

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
  /** Dimension columns of this family's rows besides the standard ones (calls: wait_band; complaints: outcome). */
  extraDimensions: readonly string[];
  /**
   * The family's relation over the scope. `only`, when given, is a table of unit
   * keys (kind, id, seq): the relation then holds those units only (the snapshot
   * reads computes live just the units it has not settled, server/metrics/snapshot).
   */
  build(ctx: BuildContext, only?: string): UnitRelation;
}

/**
 * The condition restricting a family's base rows to the keys in table `only`
 * ('true' without it). A row IN over a small key table: a correlated EXISTS was
 * planned as a delim join over the whole month of units.
 */
export function onlyUnits(only: string | undefined, kind: string, id: string, seq?: string): string {
  if (!only) return 'true';
  return seq ? `(${kind}, ${id}, ${seq}) IN (SELECT (kind, id, seq) FROM ${only})` : `(${kind}, ${id}) IN (SELECT (kind, id) FROM ${only})`;
}

/**
 * An instant plus (or minus) a number of seconds, exact to the microsecond; NULL
 * when absurdly large rather than an error. Epoch arithmetic, because DuckDB adds
 * an INTERVAL to a TIMESTAMPTZ through ICU's calendar: 45 ms per 800 k rows
 * against 12 ms (to_timestamp of the µs / 1e6 round-trips exactly; checked on 1 M
 * random instants).
 */
export function plusSeconds(at: string, seconds: string, sign: '+' | '-' = '+'): string {
  return `to_timestamp((epoch_us(${at}) ${sign} TRY_CAST(round(CAST(${seconds} AS DOUBLE) * 1000000) AS BIGINT)) / 1000000.0)`;
}

/** `list_contains(['a', 'b'], col)` (DuckDB plans `col IN (5+ constants)` as a join). */
export function inList(values: readonly string[], col: string): string {
  return `list_contains([${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}], ${col})`;
}
