/** Runs the real `etl` command (etl/bin/etl.mjs, the package's bin) in a child process. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../server/support.ts';

export interface EtlRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Settings from the test runner's environment must not leak into the command. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('SUPPORT_RADAR_')) delete env[k];
  return { ...env, ...extra };
}

export function runEtl(args: string[], env: Record<string, string> = {}): Promise<EtlRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'etl/bin/etl.mjs'), ...args], { cwd: ROOT, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The summary row of `file`: [name, status, read, loaded, replaced, rejected, duplicate, seconds]. */
export function summaryRow(stdout: string, file: string): string[] | undefined {
  return stdout
    .split('\n')
    .find((l) => l.startsWith(file + ' '))
    ?.trim()
    .split(/\s+/);
}
