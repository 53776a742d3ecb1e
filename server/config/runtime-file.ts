/**
 * `<db>.server.json`: how a CLI on the same machine, run by the same user, finds
 * the server that holds the database and proves it may use the ETL endpoints.
 * Written after the server listens, mode 0600 (it carries the admin token),
 * removed at shutdown. A stale file (server killed) is harmless: the CLI checks
 * that the server answers before trusting it.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RuntimeInfo {
  url: string;
  pid: number;
  token: string;
  /** Absolute path of the database file. */
  db: string;
}

export function runtimeFilePath(db: string): string {
  return `${path.resolve(db)}.server.json`;
}

export function writeRuntimeFile(info: RuntimeInfo): string {
  const file = runtimeFilePath(info.db);
  const tmp = `${file}.${process.pid}.tmp`;
  // Written aside and renamed, so a reader never sees half a file; created 0600
  // from the start so the token is never readable by others, even briefly.
  fs.writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return file;
}

/** The runtime file of `db`, or undefined when absent or not a server's. */
export function readRuntimeFile(db: string): RuntimeInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(runtimeFilePath(db), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(text) as Partial<RuntimeInfo>;
    if (typeof v.url === 'string' && typeof v.token === 'string' && typeof v.db === 'string' && typeof v.pid === 'number') {
      return v as RuntimeInfo;
    }
  } catch {
    // A corrupt file is treated as absent: the CLI then explains what to do.
  }
  return undefined;
}

/** Removes the runtime file if it is still ours (a newer server may own it). */
export function removeRuntimeFile(db: string, pid = process.pid): void {
  const current = readRuntimeFile(db);
  if (current && current.pid !== pid) return;
  fs.rmSync(runtimeFilePath(db), { force: true });
}
