/**
 * A real warehouse in a temporary folder for the ETL tests: a DuckDB file, the
 * input files written next to it, and `loadFile` with the CLI's defaults. No mocks.
 *
 *   const t = useTempWarehouse();            // fresh warehouse for every test
 *   const t = useTempWarehouse('file');      // one warehouse shared by the file's tests
 *   const r = await t.load('calls', 'a.csv', { encoding: 'gbk' });
 *
 * The folder is removed, and the warehouse closed, in afterEach (or afterAll).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { loadFile, type LoadOptions, type LoadResult } from '../../etl/load/load-file.ts';
import type { SourceKind } from '../../etl/sources/index.ts';
import type { Row } from '../../server/db/duckdb-values.ts';
import { Warehouse } from '../../server/db/warehouse.ts';

export type LoadExtras = Partial<Omit<LoadOptions, 'kind' | 'file'>>;

/** The tables a load may change, in a fixed order, for before/after comparisons. */
export const DATA_TABLES = ['calls', 'ticket_events', 'complaints', 'etl_rejects'] as const;

const ORDER_BY: Record<(typeof DATA_TABLES)[number], string> = {
  calls: 'call_id',
  ticket_events: 'event_key',
  complaints: 'complaint_id',
  etl_rejects: 'run_id, source_line, rule',
};

export class TempWarehouse {
  private constructor(
    readonly dir: string,
    readonly wh: Warehouse,
  ) {}

  static async open(label = 'etl'): Promise<TempWarehouse> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `support-radar-test-${label}-`));
    const wh = await Warehouse.open({ file: path.join(dir, 'warehouse.duckdb'), threads: 2 });
    return new TempWarehouse(dir, wh);
  }

  /** Path of a file in the folder. */
  path(name: string): string {
    return path.join(this.dir, name);
  }

  /** Writes an input file (text as UTF-8, or exact bytes) and returns its path. */
  writeFile(name: string, content: string | Buffer): string {
    const file = this.path(name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return file;
  }

  /** Loads a file of the folder as the CLI would (trigger cli, Asia/Shanghai). */
  load(kind: SourceKind, name: string, opts: LoadExtras = {}): Promise<LoadResult> {
    return loadFile(this.wh, { trigger: 'cli', timeZone: 'Asia/Shanghai', ...opts, kind, file: this.path(name) });
  }

  query<T extends Row = Row>(sql: string): Promise<T[]> {
    return this.wh.query<T>(sql);
  }

  /** etl_rejects rows in a stable order, `raw` parsed. */
  async rejects(runId?: number): Promise<Row[]> {
    const where = runId === undefined ? '' : `WHERE run_id = ${runId}`;
    const rows = await this.query(`SELECT * FROM etl_rejects ${where} ORDER BY run_id, source_line, rule`);
    return rows.map((r) => ({ ...r, raw: JSON.parse(String(r.raw)) }));
  }

  async run(runId: number): Promise<Row> {
    const [row] = await this.query(`SELECT * FROM etl_runs WHERE run_id = ${runId}`);
    if (!row) throw new Error(`no run ${runId}`);
    return row;
  }

  /** Every row of every data table, for "nothing changed" comparisons. */
  async snapshot(): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const t of DATA_TABLES) out[t] = await this.query(`SELECT * FROM ${t} ORDER BY ${ORDER_BY[t]}`);
    return out;
  }

  close(): void {
    this.wh.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Registers a temporary warehouse for the tests of the calling file: a new one
 * for every test (`'each'`, the default) or one for the whole file (`'file'`).
 * The returned handle always points at the current warehouse.
 */
export function useTempWarehouse(scope: 'each' | 'file' = 'each'): TempWarehouse {
  let current: TempWarehouse | undefined;
  const [setup, teardown] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  setup(async () => {
    current = await TempWarehouse.open();
  });
  teardown(() => {
    current?.close();
    current = undefined;
  });
  return new Proxy({} as TempWarehouse, {
    get(_target, prop) {
      if (!current) throw new Error('the temporary warehouse is used outside a test');
      const value = Reflect.get(current, prop, current) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/** Lines joined with '\n' and a final newline: a small input file. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}
