/**
 * What an inbox scan picks up: files directly in the inbox or in its kind
 * subfolders, minus what is plainly not ready (dotfiles, partial downloads,
 * files still being written), with the kind each one is for.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceKind } from '../sources/index.ts';

export interface InboxFile {
  file: string;
  name: string;
  /** null when neither the subfolder nor the name says what it is. */
  kind: SourceKind | null;
}

/** Subfolders that say the kind of every file in them. */
export const KIND_FOLDERS: Readonly<Record<string, SourceKind>> = {
  calls: 'calls',
  tickets: 'ticket_events',
  ticket_events: 'ticket_events',
  complaints: 'complaints',
};

const NAME_PREFIXES: ReadonlyArray<[string, SourceKind]> = [
  ['ticket_events', 'ticket_events'],
  ['tickets', 'ticket_events'],
  ['calls', 'calls'],
  ['complaints', 'complaints'],
];

/** A file still arriving: copied or downloaded under a temporary name. */
const NOT_READY = /\.(part|tmp|partial)$/i;

/** Files modified more recently than this may still be being written. */
export const SETTLE_MS = 2000;

export function kindFromName(name: string): SourceKind | null {
  const lower = name.toLowerCase();
  return NAME_PREFIXES.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? null;
}

export function isCandidate(name: string): boolean {
  return !name.startsWith('.') && !NOT_READY.test(name);
}

function filesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && isCandidate(d.name))
      .map((d) => path.join(dir, d.name));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

export interface ListOptions {
  /** Only these files (absolute paths), whatever their age: files this process just wrote. */
  justWritten?: readonly string[] | undefined;
  now?: number;
}

/**
 * The files a scan should load, in name order (then path order), with their kind.
 * @example
 * listInboxFiles('data/inbox') // [{ file: '/…/inbox/calls-0301.csv', name: 'calls-0301.csv', kind: 'calls' }]
 */
export function listInboxFiles(inbox: string, opts: ListOptions = {}): InboxFile[] {
  const now = opts.now ?? Date.now();
  const found: InboxFile[] = filesIn(inbox).map((file) => ({ file, name: path.basename(file), kind: kindFromName(path.basename(file)) }));
  for (const [folder, kind] of Object.entries(KIND_FOLDERS)) {
    for (const file of filesIn(path.join(inbox, folder))) found.push({ file, name: path.basename(file), kind });
  }
  const only = opts.justWritten ? new Set(opts.justWritten.map((f) => path.resolve(f))) : undefined;
  const ready = found.filter((f) => (only ? only.has(path.resolve(f.file)) : settled(f.file, now)));
  return ready.sort((a, b) => compare(a.name, b.name) || compare(a.file, b.file));
}

function settled(file: string, now: number): boolean {
  try {
    return fs.statSync(file).mtimeMs <= now - SETTLE_MS;
  } catch {
    return false; // gone since the listing: nothing to load
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
