/**
 * A fixed set of DuckDB connections handed out one caller at a time.
 *
 * Why: one DuckDB connection runs one query at a time, and temp tables, SET and
 * transactions live on a connection, so a caller (a Kysely session, an ETL run)
 * keeps the same connection from acquire to release. The writer is a pool of one,
 * which makes it the mutex that serialises loads.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export class ConnectionPool {
  readonly #idle: DuckDBConnection[];
  readonly #waiters: Array<(c: DuckDBConnection) => void> = [];
  readonly #all: DuckDBConnection[];
  #closed = false;

  constructor(connections: DuckDBConnection[], readonly label: string) {
    this.#all = [...connections];
    this.#idle = [...connections];
  }

  get size(): number {
    return this.#all.length;
  }

  /** Connections waiting callers would get next; for health reporting. */
  get idleCount(): number {
    return this.#idle.length;
  }

  acquire(): Promise<DuckDBConnection> {
    if (this.#closed) return Promise.reject(new Error(`${this.label} pool is closed`));
    const c = this.#idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(c: DuckDBConnection): void {
    const next = this.#waiters.shift();
    if (next) next(c);
    else this.#idle.push(c);
  }

  /** Runs `fn` with a connection held for its whole duration. */
  async use<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await fn(c);
    } finally {
      this.release(c);
    }
  }

  /** Interrupts whatever the connections are running (used at shutdown). */
  interruptAll(): void {
    for (const c of this.#all) c.interrupt();
  }

  close(): void {
    this.#closed = true;
    for (const c of this.#all) c.closeSync();
  }
}
