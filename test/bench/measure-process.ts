/**
 * Runs a command and measures its wall time and peak resident memory (VmHWM, read
 * from /proc while it runs: the kernel keeps the high-water mark, so polling does
 * not miss short peaks).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessMeasure {
  seconds: number;
  peakBytes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function readHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function measureProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessMeasure> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => (peak = Math.max(peak, readHwm(child.pid!))), 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ seconds: (performance.now() - t0) / 1000, peakBytes: peak, exitCode: code, stdout, stderr });
    });
  });
}
