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
  /**
   * For a unit pending at the data horizon W (every event seen): a column holding
   * the instant before which nothing of its row can change for any as_of ≥ W (so
   * the metric snapshots may serve it stored until then). Only where shown in the
   * family's header; without it, a pending unit is computed live.
   */
  decidedBy?: string;
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
   * The family's relation over the scope. `only`, when given, restricts it to the
   * units in a table of keys (the metric snapshots compute live just the units
   * they have not settled, server/metrics/snapshot), optionally reading copies of
   * its input tables that hold those units' rows (inputsOf).
   */
  build(ctx: BuildContext, only?: Restriction): UnitRelation;
  /**
   * For each large input table, SQL of its rows that the units in the key table
   * `keys` read: copies of these let the open units be computed without scanning
   * the whole tables.
   */
  inputsOf(keys: string): Readonly<Record<string, string>>;
  /**
   * What a load and its facts refresh may have changed, for the metric snapshots
   * (which evaluate just these units again): `units`, SQL of the keys (kind, id,
   * seq) of the current units whose inputs are among the refreshed facts; and
   * `stored`, a condition on a stored unit row (columns kind, id, customer_key)
   * whose inputs may have changed or gone (a retracted event, an old key).
   */
  touched(dirty: DirtyTables): { units: string; stored: string };
}

/** Tables naming what facts refreshes recomputed (etl/facts/fact-scope.ts) and the load runs behind them. */
export interface DirtyTables {
  /** customer_key */
  keys: string;
  /** ticket_id */
  tickets: string;
  /** run_id */
  runs: string;
}

/** touched() of a family whose units read their customer's contacts. */
export function touchedByCustomer(units: string, d: DirtyTables) {
  return { units, stored: `customer_key IN (SELECT customer_key FROM ${d.keys})` };
}

/** touched() of a family whose units read their own ticket's facts only. */
export function touchedByTicket(units: string, d: DirtyTables) {
  return { units, stored: `kind = 'ticket' AND id IN (SELECT ticket_id FROM ${d.tickets})` };
}

/** Units a family's relation is restricted to: a table of keys (kind, id, seq), and copies of input tables holding their rows. */
export interface Restriction {
  keys: string;
  tables?: Readonly<Record<string, string>>;
}

/** The table a family reads for `table`: its copy among `tables` (Restriction.tables), else the table itself. */
export function input(tables: Restriction['tables'] | undefined, table: string): string {
  return tables?.[table] ?? table;
}

/**
 * The condition restricting a family's base rows to the restriction's keys
 * ('true' without one). A row IN over a small key table: a correlated EXISTS was
 * planned as a delim join over the whole month of units.
 */
export function onlyUnits(only: Restriction | undefined, kind: string, id: string, seq?: string): string {
  if (!only) return 'true';
  return seq ? `(${kind}, ${id}, ${seq}) IN (SELECT (kind, id, seq) FROM ${only.keys})` : `(${kind}, ${id}) IN (SELECT (kind, id) FROM ${only.keys})`;
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
