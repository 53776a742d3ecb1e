/**
 * How a verb reaches the database (DESIGN.md "The database"): open the file
 * directly; if another process holds it, use the Support Radar server that says
 * (in `<db>.server.json`) it holds it and still answers; otherwise stop and say
 * exactly what to do. Never a second writer, never a silent failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readRuntimeFile, type RuntimeInfo } from '../../server/config/runtime-file.ts';
import type { Settings } from '../../server/config/settings.ts';
import { DatabaseLockedError, Warehouse } from '../../server/db/warehouse.ts';
import { markInterruptedRuns } from '../load/run-log.ts';
import { DatabaseUnavailableError, type EtlBackend } from './backend.ts';
import { DirectBackend } from './direct-backend.ts';
import { RemoteBackend } from './remote-backend.ts';

/** The runtime file's server, if it answers for this very database file. */
async function answeringServer(db: string): Promise<RuntimeInfo | undefined> {
  const info = readRuntimeFile(db);
  if (!info) return undefined;
  try {
    const res = await fetch(new URL('/api/health', info.url), { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return undefined;
    const health = (await res.json()) as { database?: { file?: string } };
    return health.database?.file === path.resolve(db) ? info : undefined;
  } catch {
    return undefined;
  }
}

function inUseMessage(db: string): string {
  return (
    `The database ${db} is in use by another process and no Support Radar server answers for it. ` +
    `Stop the other process, or start the server with \`npm start -- --db ${db}\` and run this command again.`
  );
}

export interface OpenOptions {
  /** Read-only verbs (status, rejects) do not create a database that is not there. */
  mustExist: boolean;
  /** Told which way the verb goes, e.g. to say it runs through the server. */
  onRemote?: (server: RuntimeInfo) => void;
}

export async function openBackend(settings: Settings, opts: OpenOptions): Promise<EtlBackend> {
  const db = settings.db;
  if (opts.mustExist && !fs.existsSync(db)) {
    throw new DatabaseUnavailableError(`There is no database at ${db} yet: load files first (etl load, etl run or etl demo), or pass --db with the right file.`);
  }
  let wh: Warehouse;
  try {
    wh = await Warehouse.open({ file: db, memoryLimit: settings.memoryLimit });
  } catch (err) {
    if (!(err instanceof DatabaseLockedError)) {
      throw new DatabaseUnavailableError(`cannot open the database ${db}: ${(err as Error).message.split('\n')[0]}`);
    }
    const server = await answeringServer(db);
    if (!server) throw new DatabaseUnavailableError(inUseMessage(db));
    opts.onRemote?.(server);
    return new RemoteBackend(server);
  }
  await markInterruptedRuns(wh.write);
  return new DirectBackend(wh, settings);
}
