/**
 * A Kysely dialect over @duckdb/node-api.
 *
 * Why our own: the published `kysely-duckdb` opens a connection per query (temp
 * tables and SET are lost), reads TIMESTAMP in local time, and breaks on bigint,
 * DECIMAL and Date parameters (STACK.md). DuckDB speaks enough of PostgreSQL's
 * syntax (`$1` parameters, "ident" quoting) to reuse Kysely's Postgres compiler.
 *
 * @example
 *   const db = new Kysely<Database>({ dialect: new DuckDBDialect(pool) });
 *   const rows = await db.selectFrom('etl_runs').selectAll().execute();
 */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ConnectionPool } from './connection-pool.ts';
import { appValueConverter, toDuckDBParams } from './duckdb-values.ts';

class DuckDBAdapter extends PostgresAdapter {
  // DuckDB has no advisory locks; our migrations run on the single writer
  // connection, which already serialises them.
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

const DML_WITHOUT_RETURNING = /^\s*(insert|update|delete)\b(?![\s\S]*\breturning\b)/i;

class DuckDBKyselyConnection implements DatabaseConnection {
  constructor(readonly raw: DuckDBConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.raw.runAndReadAll(query.sql, toDuckDBParams(query.parameters));
    const rows = reader.convertRowObjects(appValueConverter) as R[];
    // DuckDB answers INSERT/UPDATE/DELETE without RETURNING with one row { Count }.
    if (DML_WITHOUT_RETURNING.test(query.sql)) {
      const count = (rows[0] as Record<string, unknown> | undefined)?.Count ?? 0;
      return { rows: [], numAffectedRows: BigInt(Number(count)) };
    }
    return { rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the DuckDB dialect; page the query instead');
  }
}

class DuckDBDriver implements Driver {
  readonly #held = new WeakMap<DuckDBConnection, DuckDBKyselyConnection>();

  constructor(private readonly pool: ConnectionPool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const raw = await this.pool.acquire();
    let c = this.#held.get(raw);
    if (!c) {
      c = new DuckDBKyselyConnection(raw);
      this.#held.set(raw, c);
    }
    return c;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.pool.release((conn as DuckDBKyselyConnection).raw);
  }

  // The pool belongs to the Warehouse, which closes it.
  async destroy(): Promise<void> {}
}

export class DuckDBDialect implements Dialect {
  constructor(private readonly pool: ConnectionPool) {}

  createAdapter(): DialectAdapter {
    return new DuckDBAdapter();
  }

  createDriver(): Driver {
    return new DuckDBDriver(this.pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
