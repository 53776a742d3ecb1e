/**
 * A source is declared as data (its columns, its rules, its natural key) and the
 * loader compiles it to SQL. Adding an optional column to FORMATS.md means adding
 * one line to the source's spec.
 */
export type SourceKind = 'calls' | 'ticket_events' | 'complaints';

export const SOURCE_KINDS: readonly SourceKind[] = ['calls', 'ticket_events', 'complaints'];

/** How a raw text value becomes a typed one (see typed-columns.ts). */
export type ColumnType = 'text' | 'code' | 'timestamp' | 'number' | 'boolean' | 'amount';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Rejected with `missing_required` when empty. */
  required?: boolean;
  /** For 'code' columns: the allowed values (compared lower-cased). */
  values?: readonly string[];
  /** Rule id used when a value is not in `values`, e.g. 'unknown_outcome'. */
  valuesRule?: string;
  /** Value used when the column is empty (FORMATS.md: priority defaults to normal). */
  default?: string;
}

/**
 * A row-level rule: `failsWhen` is a SQL predicate over the typed columns (by name)
 * and the raw text columns (`r_<name>`) that is TRUE when the row breaks the rule.
 */
export interface RuleSpec {
  id: string;
  /** Human-readable reason naming the column(s), as shown to the user. */
  message: string;
  failsWhen: string;
}

export interface SourceSpec {
  kind: SourceKind;
  /** Core table the rows are upserted into. */
  table: string;
  /** Canonical columns in FORMATS.md order; these are also the core table's columns. */
  columns: readonly ColumnSpec[];
  /** Rules beyond the per-column ones derived from `columns`. */
  rules: readonly RuleSpec[];
  /** SQL expression over typed columns giving the natural key. */
  keyExpr: string;
  /** Core table column holding the natural key. */
  keyColumn: string;
  /** Core table column names that differ from the format's (format name -> table name). */
  renames?: Readonly<Record<string, string>>;
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
