import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../etl/inbox/scan-inbox.ts';
import { EtlJobs, ShuttingDownError } from '../../server/etl-jobs/etl-jobs.ts';
import { scheduleInboxScans } from '../../server/etl-jobs/inbox-scheduler.ts';
import { useTempWarehouse } from '../helpers/temp-warehouse.ts';
import { CLEAN_CALLS, writeFile, removeTempDirs } from './support.ts';

afterAll(removeTempDirs);

describe('scheduled inbox scans', () => {
  // A real warehouse in a temporary folder, shared by this block's tests.
  const t = useTempWarehouse('file');

  it('scans at start and on every tick, one pass at a time, and refuses work once stopped', async () => {
    const inbox = path.join(t.dir, 'inbox');
    const jobs = new EtlJobs(t.wh, { inbox, timeZone: 'Asia/Shanghai' });
    writeFile(inbox, 'calls-a.csv', CLEAN_CALLS, 5000);
    const reports: InboxEntry[][] = [];
    const scheduler = scheduleInboxScans(jobs, 0.2, (entries) => reports.push(entries));
    await expect.poll(() => reports.length, { timeout: 5000 }).toBe(1);
    writeFile(inbox, 'calls-b.csv', CLEAN_CALLS.replace(/^c(\d),/gm, 'b$1,'), 5000);
    await expect.poll(() => reports.length, { timeout: 5000 }).toBe(2);
    scheduler.stop();
    expect(reports.map((r) => r.map((e) => [path.basename(e.file), e.status]))).toEqual([[['calls-a.csv', 'loaded']], [['calls-b.csv', 'loaded']]]);
    expect(fs.readdirSync(inbox)).toEqual(['loaded']);
    expect(await jobs.stop()).toBe(true);
    await expect(jobs.scan('api')).rejects.toBeInstanceOf(ShuttingDownError);
  });
});
