/**
 * Raw text -> typed value, as SQL (FORMATS.md "Common rules"), and the rules each
 * column implies (required, parseable, one of the allowed values).
 *
 * The staging query runs with the session TimeZone set to the platform's zone, so
 * `try_cast(text AS TIMESTAMPTZ)` reads an ISO 8601 timestamp with an offset as
 * that instant and one without an offset as platform-local time, in one cast.
 */
import type { ColumnSpec, RuleSpec, SourceSpec } from '../sources/source-spec.ts';

/** Quotes an identifier for DuckDB. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function rawCol(name: string): string {
  return ident(`r_${name}`);
}

/** Name of a column in the typed (staged) row and in the core table. */
export function typedName(spec: SourceSpec, col: ColumnSpec): string {
  return spec.renames?.[col.name] ?? col.name;
}

/**
 * `list_contains([...], x)` rather than `x IN (...)`: DuckDB turns a long IN list
 * into a join, which reorders rows, and the staged table's row order is the
 * file's line order.
 */
export function inList(expr: string, values: readonly string[]): string {
  return `list_contains([${values.map(lit).join(', ')}], ${expr})`;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];
// Epoch seconds between 1970 and 2100; anything else is not a plausible instant.
const MAX_EPOCH_S = 4102444800;

/**
 * The text of a raw value, trimmed, with empty text as NULL. `trim` is costly on
 * tens of millions of values (measured: +4.6 s for 10 M calls), and almost no value
 * has spaces around it, so it runs only on those that do.
 */
export function cleanText(rawSql: string): string {
  return `nullif(CASE WHEN starts_with(${rawSql}, ' ') OR ends_with(${rawSql}, ' ') THEN trim(${rawSql}) ELSE ${rawSql} END, '')`;
}

export function typedExpr(col: ColumnSpec): string {
  const text = cleanText(rawCol(col.name));
  switch (col.type) {
    case 'text':
      return text;
    case 'code':
      return col.default ? `coalesce(lower(${text}), ${lit(col.default)})` : `lower(${text})`;
    case 'number':
      return `(CASE WHEN isfinite(try_cast(${text} AS DOUBLE)) THEN try_cast(${text} AS DOUBLE) END)`;
    case 'boolean':
      return `(CASE WHEN ${inList(`lower(${text})`, TRUE_WORDS)} THEN true WHEN ${inList(`lower(${text})`, FALSE_WORDS)} THEN false END)`;
    case 'amount':
      // A plain decimal with at most two places (fen); more places would be rounded, so they are refused.
      return `(CASE WHEN regexp_full_match(${text}, '-?[0-9]+(\\.[0-9]{1,2})?') THEN TRY_CAST(${text} AS DECIMAL(18, 2)) END)`;
    case 'timestamp':
      // ISO 8601 always has a '-'; epoch seconds never do (cheaper than a regex on every value).
      return `(CASE WHEN contains(${text}, '-') THEN try_cast(${text} AS TIMESTAMPTZ)
        WHEN regexp_full_match(${text}, '[0-9]+(\\.[0-9]+)?') AND try_cast(${text} AS DOUBLE) < ${MAX_EPOCH_S}
        THEN to_timestamp(try_cast(${text} AS DOUBLE)) END)`;
  }
}

const INVALID_RULE: Record<string, { id: string; what: string }> = {
  number: { id: 'invalid_number', what: 'a number' },
  boolean: { id: 'invalid_boolean', what: 'true/false' },
  amount: { id: 'invalid_amount', what: 'an amount with at most 2 decimal places' },
  timestamp: { id: 'invalid_timestamp', what: 'an ISO 8601 timestamp or epoch seconds' },
};

/** The rules a column's declaration implies, in the order they are checked. */
export function columnRules(spec: SourceSpec): RuleSpec[] {
  const rules: RuleSpec[] = [];
  for (const col of spec.columns) {
    // The typed value is tested first: DuckDB evaluates the right side of AND only
    // for rows where the left is true, so the raw text is looked at only when the
    // typed value is missing.
    const typed = ident(typedName(spec, col));
    const rawEmpty = `${cleanText(rawCol(col.name))} IS NULL`;
    if (col.required) {
      rules.push({ id: 'missing_required', message: `${col.name} is required`, failsWhen: `${typed} IS NULL AND ${rawEmpty}` });
    }
    const invalid = INVALID_RULE[col.type];
    if (invalid) {
      rules.push({ id: invalid.id, message: `${col.name} is not ${invalid.what}`, failsWhen: `${typed} IS NULL AND NOT ${rawEmpty}` });
    }
    if (col.values && col.valuesRule) {
      rules.push({
        id: col.valuesRule,
        message: `${col.name} must be one of ${col.values.join(', ')}`,
        failsWhen: `${typed} IS NOT NULL AND NOT ${inList(typed, col.values)}`,
      });
    }
  }
  return rules;
}

/** Every row-level rule of a source: the columns' own, then the source's. */
export function allRules(spec: SourceSpec): RuleSpec[] {
  return [...columnRules(spec), ...spec.rules];
}
