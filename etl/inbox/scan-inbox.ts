/**
 * One pass over the inbox: load every ready file in name order, then move it to
 * `loaded/<day>/` (loaded or unchanged; its rejected rows are in the database)
 * or to `refused/` (refused, failed, or of unknown kind), so the inbox only ever
 * holds what has not been dealt with.
 */
import path from 'node:path';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { loadFile, type LoadProgress, type LoadResult } from '../load/load-file.ts';
import type { LoadTrigger } from '../load/run-log.ts';
import type { SourceKind } from '../sources/index.ts';
import { KIND_FOLDERS, listInboxFiles, type InboxFile } from './inbox-files.ts';
import { moveWithoutOverwrite } from './move-file.ts';

export interface ScanOptions {
  inbox: string;
  timeZone: string;
  trigger: LoadTrigger;
  /** Files this process just wrote: the only ones scanned, whatever their age (the demo). */
  justWritten?: readonly string[];
  /** Stops the scan between files; a load cut short by shutdown stays in the inbox. */
  signal?: AbortSignal;
  /** Before a file is loaded. */
  onFile?: (file: InboxFile) => void;
  /** After a file is loaded and moved. */
  onEntry?: (entry: InboxEntry) => void;
  onProgress?: (file: InboxFile, p: LoadProgress) => void;
}

export interface InboxEntry {
  /** Where the file was found. */
  file: string;
  /** Where it was moved; null when it was left in the inbox (scan interrupted). */
  movedTo: string | null;
  kind: SourceKind | null;
  status: LoadResult['status'];
  /** The load's result; null when the file was not loaded (unknown kind). */
  load: LoadResult | null;
  error: { message: string; line?: number | undefined; offset?: number | undefined } | null;
}

/** Calendar day in the platform's zone, YYYY-MM-DD: the folder a loaded file lands in. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function unknownKind(f: InboxFile): InboxEntry['error'] {
  const folders = Object.keys(KIND_FOLDERS).map((d) => `${d}/`).join(', ');
  return {
    message: `cannot tell what ${f.name} holds: put it in one of the inbox subfolders ${folders} or start its name with calls, tickets (or ticket_events) or complaints`,
  };
}

async function loadOne(wh: Warehouse, f: InboxFile & { kind: SourceKind }, opts: ScanOptions): Promise<Omit<InboxEntry, 'movedTo'>> {
  try {
    const load = await loadFile(wh, {
      kind: f.kind,
      file: f.file,
      trigger: opts.trigger,
      timeZone: opts.timeZone,
      signal: opts.signal,
      onProgress: opts.onProgress && ((p) => opts.onProgress!(f, p)),
    });
    return { file: f.file, kind: f.kind, status: load.status, load, error: load.error ?? null };
  } catch (err) {
    // Not a verdict on the file (the database failed around it): still set it
    // aside, so one bad moment does not retry it forever, and say why.
    return { file: f.file, kind: f.kind, status: 'failed', load: null, error: { message: (err as Error).message } };
  }
}

/**
 * @example
 * const entries = await scanInbox(wh, { inbox: 'data/inbox', timeZone: 'Asia/Shanghai', trigger: 'inbox' });
 */
export async function scanInbox(wh: Warehouse, opts: ScanOptions): Promise<InboxEntry[]> {
  const entries: InboxEntry[] = [];
  for (const f of listInboxFiles(opts.inbox, { justWritten: opts.justWritten })) {
    if (opts.signal?.aborted) break;
    opts.onFile?.(f);
    const done = f.kind ? await loadOne(wh, { ...f, kind: f.kind }, opts) : { file: f.file, kind: null, status: 'refused' as const, load: null, error: unknownKind(f) };
    const ok = done.status === 'loaded' || done.status === 'unchanged';
    // A load that did not succeed while shutdown was under way was most likely
    // cut short by it, not the file's fault: leave the file for the next start.
    const interrupted = opts.signal?.aborted === true && !ok;
    const dest = ok ? path.join(opts.inbox, 'loaded', localDay(new Date(), opts.timeZone)) : path.join(opts.inbox, 'refused');
    const entry: InboxEntry = { ...done, movedTo: interrupted ? null : moveWithoutOverwrite(f.file, dest) };
    entries.push(entry);
    opts.onEntry?.(entry);
    if (interrupted) break;
  }
  return entries;
}
