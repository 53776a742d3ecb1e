/**
 * Conversion between DuckDB values and plain JSON-friendly JS values, at the
 * boundary (STACK.md: node-api returns bigint for BIGINT/count(*), which JSON
 * cannot hold, and needs JS Dates bound as timestamp values).
 */
import {
  DuckDBTimestampTZValue,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBValueConverter,
  type JS,
} from '@duckdb/node-api';

/** A row as handed to the rest of the app: numbers, strings, booleans, Dates, nested values. */
export type Row = Record<string, unknown>;

function bigintToJs(value: bigint): number | string {
  // Counts and ids fit in a double; anything larger is returned as an exact string.
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/**
 * The JS converter of node-api, except: integers are numbers (strings past 2^53),
 * DATE is an ISO `YYYY-MM-DD` string (a calendar day has no instant), DECIMAL is a
 * number (amounts in CNY with 2 decimals are exact enough as doubles for display;
 * sums are computed in SQL).
 */
export const appValueConverter: DuckDBValueConverter<unknown> = (value: DuckDBValue, type: DuckDBType, self) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return bigintToJs(JSDuckDBValueConverter(value, type, JSDuckDBValueConverter) as bigint);
    case DuckDBTypeId.DATE:
      return String(value);
    default: {
      const js = JSDuckDBValueConverter(value, type, self as DuckDBValueConverter<JS>);
      return typeof js === 'bigint' ? bigintToJs(js) : js;
    }
  }
};

/** Converts a JS parameter to something node-api can bind. */
export function toDuckDBParam(value: unknown): DuckDBValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return new DuckDBTimestampTZValue(BigInt(value.getTime()) * 1000n);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') {
    return value;
  }
  throw new TypeError(`cannot bind a parameter of type ${typeof value}: ${JSON.stringify(value)}`);
}

export function toDuckDBParams(values: readonly unknown[]): DuckDBValue[] {
  return values.map(toDuckDBParam);
}
