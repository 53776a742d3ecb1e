import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoadResult } from '../../etl/load/load-file.ts';
import { EtlJobs } from '../../server/etl-jobs/etl-jobs.ts';
import { recentRuns, tableCounts } from '../../etl/load/run-log-queries.ts';
import { useTempWarehouse } from '../helpers/temp-warehouse.ts';
import { CALLS_HEADER, removeTempDirs } from './support.ts';

afterAll(removeTempDirs);

/** A calls file big enough (~1.5 M rows) that its load is still running when we stop. */
function writeBigCalls(file: string, rows: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, CALLS_HEADER + '\n');
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(`z${i},2026-03-08T14:05:09+08:00,recharge,1,,M${i % 5000},,operation,normal,answered,${i % 90},${i % 300},A${i % 200},false,,`);
    if (batch.length === 50_000) fs.writeSync(fd, batch.splice(0).join('\n') + '\n');
  }
  if (batch.length) fs.writeSync(fd, batch.join('\n') + '\n');
  fs.closeSync(fd);
}

describe('stopping the ETL at shutdown', () => {
  // A real warehouse in a temporary folder, shared by this block's tests.
  const t = useTempWarehouse('file');

  it('interrupts a running load, which rolls back and is recorded before stop() returns', async () => {
    const file = path.join(t.dir, 'calls-big.csv');
    writeBigCalls(file, 1_500_000);
    const jobs = new EtlJobs(t.wh, { inbox: path.join(t.dir, 'inbox'), timeZone: 'Asia/Shanghai' });
    let reading!: () => void;
    const inRead = new Promise<void>((resolve) => (reading = resolve));
    const results: LoadResult[] = [];
    const load = jobs.load({ kind: 'calls', files: [file, file] }, (e) => {
      if (e.type === 'progress' && e.phase === 'read') reading();
      if (e.type === 'result') results.push(e);
    });
    await inRead;
    // The server gives 5 s; here the grace is wider because other test files load
    // the 2 cores at the same time, and what is tested is the rollback, not the speed.
    expect(await jobs.stop(20_000)).toBe(true);
    await load;
    // The second file was never started; the first was cut short and says so.
    expect(results).toHaveLength(1);
    expect(results[0]!.status).not.toBe('loaded');
    expect(results[0]!.error?.message).toMatch(/interrupt/i);
    const [run] = await recentRuns(t.wh, 1);
    expect(run!.status).not.toBe('running');
    expect((await tableCounts(t.wh)).calls).toBe(0);
  }, 60_000);
});
