// Shutting the warehouse while a request's query still runs: interrupt it, wait for
// the connection to come back, then close (closing mid-query deadlocked DuckDB and
// hung the server's exit; server/db/connection-pool.ts).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../server/db/warehouse.ts';
import { removeTempDirs, tempDir } from './support.ts';

afterAll(removeTempDirs);

describe('Warehouse.closeWhenIdle', () => {
  it('interrupts a running query, waits for its connection, closes, and refuses new work', async () => {
    const wh = await Warehouse.open({ file: path.join(tempDir('close-idle'), 'w.duckdb') });
    // Minutes of work if left alone.
    const running = wh.query('SELECT count(*) AS n FROM range(100000000000) a WHERE a.range % 7 = 3');
    const outcome = running.then(() => 'finished', (err: Error) => err.message);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    expect(await wh.closeWhenIdle(5000)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(await outcome).toMatch(/interrupt/i);
    await expect(wh.query('SELECT 1')).rejects.toThrow(/closed/);
  });

  it('reports false and leaves connections open when one is not returned in time', async () => {
    const wh = await Warehouse.open({ file: path.join(tempDir('close-held'), 'w.duckdb') });
    let release!: () => void;
    const held = wh.readers.use(() => new Promise<void>((r) => (release = r)));
    expect(await wh.closeWhenIdle(100)).toBe(false);
    release();
    await held;
    wh.close();
  });
});
