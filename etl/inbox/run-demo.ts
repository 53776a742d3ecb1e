/**
 * Demo data through the real pipeline: the generator writes canonical files into
 * the inbox and an inbox scan loads them (trigger 'demo'), so the demo exercises
 * exactly what a real feed does and leaves its files in `loaded/` for a look.
 */
import { generateDemo, type DemoFile } from '../demo/generate-demo.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { scanInbox, type InboxEntry, type ScanOptions } from './scan-inbox.ts';

export interface DemoRunOptions {
  days: number;
  seed: number;
  /** End of the demo period (exclusive); the first start uses now. */
  end: Date;
  inbox: string;
  timeZone: string;
  signal?: AbortSignal;
  onFile?: ScanOptions['onFile'];
  onEntry?: ScanOptions['onEntry'];
  onProgress?: ScanOptions['onProgress'];
}

export interface DemoRunResult {
  files: DemoFile[];
  entries: InboxEntry[];
}

/**
 * @example
 * await runDemo(wh, { days: 90, seed: 1, end: new Date(), inbox: 'data/inbox', timeZone: 'Asia/Shanghai' });
 */
export async function runDemo(wh: Warehouse, opts: DemoRunOptions): Promise<DemoRunResult> {
  const { files } = await generateDemo({ days: opts.days, seed: opts.seed, end: opts.end, outDir: opts.inbox, timeZone: opts.timeZone });
  const entries = await scanInbox(wh, {
    inbox: opts.inbox,
    timeZone: opts.timeZone,
    trigger: 'demo',
    justWritten: files.map((f) => f.path),
    signal: opts.signal,
    onFile: opts.onFile,
    onEntry: opts.onEntry,
    onProgress: opts.onProgress,
  });
  return { files, entries };
}
