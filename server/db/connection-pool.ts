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
  readonly #onIdle: Array<() => void> = [];
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
    if (this.#idle.length === this.#all.length) this.#onIdle.splice(0).forEach((f) => f());
  }

  /** Resolves true once every connection is back (false after `timeoutMs`); new callers are refused from now on. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#closed = true;
    if (this.#idle.length === this.#all.length) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.#onIdle.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
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

  /**
   * Closes every connection. Only when none is in use: closing a connection whose
   * query is still running deadlocked inside DuckDB (ClientContext::Destroy waits
   * for the query's lock) and then hung process.exit; `drain` first.
   */
  close(): void {
    this.#closed = true;
    for (const c of this.#all) c.closeSync();
  }
}
