/**
 * Writes a Parquet file with DuckDB itself (a separate in-memory instance, not the
 * warehouse under test): `COPY (<select>) TO file (FORMAT parquet)`. The session
 * zone is UTC so TIMESTAMPTZ literals mean what they say.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function writeParquet(file: string, select: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    await c.run(`SET TimeZone = 'UTC'`);
    await c.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
