/**
 * The one owner of the DuckDB file.
 *
 * One DuckDBInstance per process, a single writer connection (ETL, migrations,
 * settings changes) and a small pool of reader connections for API queries.
 * DuckDB's MVCC gives each reader a consistent snapshot while a load commits.
 * A second process cannot open a file this process holds: `open` turns DuckDB's
 * lock error into a `DatabaseLockedError` so callers can say what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Kysely } from 'kysely';
import { ConnectionPool } from './connection-pool.ts';
import { DuckDBDialect } from './duckdb-dialect.ts';
import type { Row } from './duckdb-values.ts';
import { runQuery } from './run-sql.ts';
import { ensureCalendars } from '../calendars/ensure-calendars.ts';
import { ensureDefaultPolicy } from '../policies/policy-store.ts';
import { applyMigrations } from './migrate.ts';
import type { Database } from './schema.ts';

export interface WarehouseOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
  /** Reader connections; kept below libuv's 4 threads together with the writer. */
  readers?: number;
  /** DuckDB worker threads; default: DuckDB's own (all cores). */
  threads?: number;
  /** DuckDB memory limit, e.g. '4GB'. */
  memoryLimit?: string;
}

export class DatabaseLockedError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`the database ${file} is in use by another process`, { cause });
    this.name = 'DatabaseLockedError';
  }
}

export class Warehouse {
  /** Typed queries on the reader pool. */
  readonly read: Kysely<Database>;
  /** Typed queries on the writer; a Kysely transaction here holds the writer. */
  readonly write: Kysely<Database>;

  private constructor(
    readonly file: string,
    private readonly instance: DuckDBInstance,
    readonly writer: ConnectionPool,
    readonly readers: ConnectionPool,
  ) {
    this.read = new Kysely<Database>({ dialect: new DuckDBDialect(readers) });
    this.write = new Kysely<Database>({ dialect: new DuckDBDialect(writer) });
  }

  static async open(options: WarehouseOptions): Promise<Warehouse> {
    const file = options.file === ':memory:' ? ':memory:' : path.resolve(options.file);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, config);
    } catch (err) {
      if (/lock/i.test(String((err as Error).message))) throw new DatabaseLockedError(file, err);
      throw err;
    }
    const first = await instance.connect();
    // Every instant is stored as TIMESTAMPTZ and shown in UTC unless converted
    // explicitly to the platform's zone (STACK.md: a create option fails here).
    await first.run(`SET GLOBAL TimeZone = 'UTC'`);
    const readers: DuckDBConnection[] = [];
    for (let i = 0; i < (options.readers ?? 2); i++) readers.push(await instance.connect());
    const wh = new Warehouse(file, instance, new ConnectionPool([first], 'writer'), new ConnectionPool(readers, 'reader'));
    try {
      await wh.writer.use((c) => applyMigrations(c));
      // Reference data every opener needs (the server, the CLI, tests): the
      // calendars first, because policies name them.
      await ensureCalendars(wh);
      await ensureDefaultPolicy(wh);
    } catch (err) {
      wh.close();
      throw err;
    }
    return wh;
  }

  /** Raw SQL on a reader, rows converted at the boundary. */
  query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.readers.use((c) => runQuery<T>(c, sql, params));
  }

  /** Runs `fn` holding the writer connection (the ETL's way in). */
  withWriter<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.writer.use(fn);
  }

  /**
   * Shutdown with requests in flight: interrupts running queries, waits for every
   * connection to come back (at most `timeoutMs`), then closes. True when all came
   * back; otherwise the connections are left open (closing one mid-query
   * deadlocks DuckDB) for the process exit to end.
   */
  async closeWhenIdle(timeoutMs = 5000): Promise<boolean> {
    this.readers.interruptAll();
    const idle = (await Promise.all([this.readers.drain(timeoutMs), this.writer.drain(timeoutMs)])).every(Boolean);
    if (idle) this.close();
    return idle;
  }

  close(): void {
    this.readers.close();
    this.writer.close();
    this.instance.closeSync();
  }
}
