/** The two raw-SQL helpers every part of the server and ETL uses on a held connection. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { appValueConverter, toDuckDBParams, type Row } from './duckdb-values.ts';

/** Runs one statement on a connection and converts the rows (bigint to number, etc.). */
export async function runQuery<T extends Row = Row>(c: DuckDBConnection, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const reader = await c.runAndReadAll(sql, params.length ? toDuckDBParams(params) : undefined);
  return reader.convertRowObjects(appValueConverter) as T[];
}

/** Runs `fn` inside a transaction on `c`; rolls back on any error. */
export async function inTransaction<T>(c: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await c.run('COMMIT');
    return result;
  } catch (err) {
    try {
      await c.run('ROLLBACK');
    } catch {
      // The transaction may already be aborted by the error; nothing left to undo.
    }
    throw err;
  }
}
