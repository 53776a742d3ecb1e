/**
 * Content hash of a file: it tells a file already loaded ("unchanged") without
 * reading it into DuckDB, so it must be fast on a 1 GB export (target: re-load in
 * under 2 s). A large file is cut into two halves hashed by two worker threads at
 * once; the content hash is then sha256 over the halves' digests ("sha256x2:"),
 * a different but equally exact name for the same bytes. Small files get a plain
 * sha256.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

const SPLIT_ABOVE = 64 << 20;

// The worker's code travels as a string so it runs the same from TypeScript
// sources (tsx) and from the bundled build, with no file to ship beside it.
const WORKER_SOURCE = `
const crypto = require('node:crypto');
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { file, start, end } = workerData;
const hash = crypto.createHash('sha256');
const fd = fs.openSync(file, 'r');
const buf = Buffer.allocUnsafe(8 << 20);
let pos = start;
try {
  while (pos < end) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
    if (n <= 0) break;
    hash.update(buf.subarray(0, n));
    pos += n;
    parentPort.postMessage({ done: n });
  }
} finally {
  fs.closeSync(fd);
}
parentPort.postMessage({ digest: hash.digest('hex') });
`;

function hashRange(file: string, start: number, end: number, onBytes: (n: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, start, end }, execArgv: [] });
    worker.on('message', (m: { done?: number; digest?: string }) => {
      if (m.done) onBytes(m.done);
      if (m.digest) resolve(m.digest);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`hash worker exited with ${code}`)));
  });
}

async function plainHash(file: string, onBytes?: (done: number) => void): Promise<string> {
  const hash = crypto.createHash('sha256');
  let done = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    done += chunk.length;
    onBytes?.(done);
  }
  return hash.digest('hex');
}

export async function hashFile(file: string, onBytes?: (done: number) => void): Promise<string> {
  const size = fs.statSync(file).size;
  if (size <= SPLIT_ABOVE) return plainHash(file, onBytes);
  let done = 0;
  const progress = (n: number) => onBytes?.((done += n));
  const half = Math.floor(size / 2);
  const [a, b] = await Promise.all([
    hashRange(file, 0, half, progress),
    hashRange(file, half, size, progress),
  ]);
  return `sha256x2:${crypto.createHash('sha256').update(`${a}${b}`).digest('hex')}`;
}
