/**
 * The dashboard bundle the server serves (dist/web, vite's output), built from the
 * current sources before the browser tests use it.
 *
 * A stamp (dist/.e2e-web-build.json) records a digest of the build's inputs (web/,
 * vite.config.ts, package.json, package-lock.json, tsconfig.json) and of the
 * index.html the build produced: when both still match, the bundle is current and
 * is not rebuilt (so several browser test files, or two runs in a row, build once).
 * Anything else (sources changed, dist/web missing or rebuilt from other sources)
 * builds again. Test files run in parallel workers: a lock folder makes the
 * others wait for the one that builds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../server/support.ts';

export const WEB_OUT = path.join(ROOT, 'dist', 'web');
const STAMP = path.join(ROOT, 'dist', '.e2e-web-build.json');
const LOCK = path.join(ROOT, 'dist', '.e2e-web-build.lock');
const INPUT_FILES = ['vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json', 'svelte.config.js'];
const VITE_CLI = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function inputsDigest(): string {
  const hash = createHash('sha256');
  const files = [...listFiles(path.join(ROOT, 'web')), ...INPUT_FILES.map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f))];
  for (const file of files.map((f) => path.relative(ROOT, f)).sort()) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function outputDigest(): string | null {
  const index = path.join(WEB_OUT, 'index.html');
  return fs.existsSync(index) ? createHash('sha256').update(fs.readFileSync(index)).digest('hex') : null;
}

function isCurrent(inputs: string): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')) as { inputs?: string; index?: string };
    return stamp.inputs === inputs && stamp.index !== undefined && stamp.index === outputDigest();
  } catch {
    return false;
  }
}

/** `vite build` as `npm run build:web` runs it, in a production environment (vitest sets NODE_ENV=test). */
function viteBuild(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const k of Object.keys(env)) if (k === 'VITEST' || k.startsWith('VITEST_') || k === 'TEST') delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_CLI, 'build', '--logLevel', 'warn'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      // eslint-disable-next-line no-control-regex
      else reject(new Error(`vite build of the dashboard failed (${signal ?? `exit ${code}`}):\n${out.replace(/\x1b\[[0-9;]*m/g, '')}`));
    });
  });
}

async function acquireLock(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // A lock left by a killed run: nobody builds for 5 minutes.
    try {
      if (Date.now() - fs.statSync(LOCK).mtimeMs > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Removed meanwhile.
    }
    if (Date.now() > until) throw new Error(`another process has held ${LOCK} for over ${timeoutMs / 1000} s; remove it if no build is running`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface WebBuild {
  /** True when this call ran vite; false when the bundle was already current. */
  built: boolean;
  ms: number;
}

/** Builds dist/web unless it is current for the sources (see the module comment). */
export async function ensureWebBuilt(timeoutMs = 180_000): Promise<WebBuild> {
  const t0 = Date.now();
  if (isCurrent(inputsDigest())) return { built: false, ms: Date.now() - t0 };
  await acquireLock(timeoutMs);
  try {
    const inputs = inputsDigest();
    if (isCurrent(inputs)) return { built: false, ms: Date.now() - t0 };
    fs.rmSync(STAMP, { force: true });
    await viteBuild();
    fs.writeFileSync(STAMP, JSON.stringify({ inputs, index: outputDigest(), built_at: new Date().toISOString() }) + '\n');
    return { built: true, ms: Date.now() - t0 };
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
