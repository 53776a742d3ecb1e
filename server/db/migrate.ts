/**
 * Numbered migrations, applied in order at start, each in its own transaction.
 * A migration is plain DuckDB SQL: the schema is DuckDB's, and SQL is what the
 * next engineer reads when they open the file.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from './run-sql.ts';
import { migrations } from './migrations/index.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function applyMigrations(c: DuckDBConnection): Promise<number[]> {
  await c.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)`);
  const done = new Set((await runQuery<{ version: number }>(c, 'SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    await inTransaction(c, async () => {
      await c.run(m.sql);
      await c.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
