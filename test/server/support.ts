/**
 * Test helpers shared by the server and CLI suites: temporary folders, small
 * hand-made input files in the FORMATS.md columns, free ports, and the real
 * server started as a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const made: string[] = [];

/** A fresh folder under the OS temp folder; removed by removeTempDirs(). */
export function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `support-radar-${label}-`));
  made.push(dir);
  return dir;
}

/** For a test file's top-level afterAll, after its databases are closed. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function writeFile(dir: string, name: string, content: string | Buffer, ageMs = 0): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (ageMs > 0) {
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(file, t, t);
  }
  return file;
}

export const CALLS_HEADER =
  'call_id,started_at,queue,ivr_option,caller,customer_id,order_id,category,priority,outcome,wait_s,talk_s,agent_id,transferred,callback_requested_at,callback_at';

/** Three valid calls. */
export const CLEAN_CALLS = [
  CALLS_HEADER,
  'c1,2026-03-08T14:05:09+08:00,recharge,1,13800000000,M1,O1,operation,normal,answered,12,100,A1,false,,',
  'c2,2026-03-08 14:06:00,orders,2,,M2,,product,high,abandoned,30,,,,,',
  'c3,2026-03-08 14:07:00,security,3,,,,security,urgent,unreachable,,,,,,',
].join('\n') + '\n';

/** Two valid calls and, on line 3, an answered call without an agent (rule answered_without_agent). */
export const CALLS_WITH_BAD_ROW = [
  CALLS_HEADER,
  'd1,2026-03-09T09:00:00+08:00,recharge,1,,M3,,operation,,answered,5,60,A2,,,',
  'd2,2026-03-09T09:01:00+08:00,orders,2,,M4,,product,,answered,7,30,,,,',
  'd3,2026-03-09T09:02:00+08:00,orders,2,,M5,,product,,abandoned,40,,,,,',
].join('\n') + '\n';

/** Not valid UTF-8 nor GBK from line 3 on: the whole file is refused. */
export const UNREADABLE_CALLS = Buffer.concat([
  Buffer.from(`${CALLS_HEADER}\ne1,2026-03-09T09:00:00+08:00,recharge,,,,,,,abandoned,3,,,,,\ne2,2026-03-09T09:00:00+08:00,re`),
  Buffer.from([0xff, 0xff]),
  Buffer.from('charge,,,,,,,abandoned,3,,,,,\n'),
]);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(1000) });
      if (res.ok) return await res.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy /api/health at ${url} within ${timeoutMs} ms`);
}

/** `node --import tsx server/main.ts <args>` (npm start's entry), waited for until healthy. */
export async function startServer(args: string[], timeoutMs = 30_000): Promise<RunningServer> {
  const port = await freePort();
  // `node --import tsx`, not tsx's CLI: the CLI relays SIGTERM to a child and kills it
  // outright (exit 143) when it does not acknowledge within 30 ms, which happened under load.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${out}`);
  }
  return {
    child,
    url,
    output: () => out,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
