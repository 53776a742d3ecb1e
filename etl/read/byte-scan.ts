/**
 * Streams a file's (decompressed) bytes through a validator, counting lines, to
 * report where the first invalid byte is. Also used to diagnose a gzip stream that
 * ends early.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { ByteValidator } from './encoding.ts';

export interface ScanFinding {
  /** Byte offset in the decompressed text. */
  offset: number;
  /** 1-based line of that byte. */
  line: number;
}

function countNewlines(chunk: Uint8Array, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (chunk[i] === 0x0a) n++;
  return n;
}

/** Opens the file as a stream of its text bytes (gunzipped when compressed). */
export function openBytes(file: string, gzip: boolean): NodeJS.ReadableStream {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  return gzip ? raw.pipe(zlib.createGunzip()) : raw;
}

/** Returns the first invalid byte under `validator`, or undefined when the whole file is valid. */
export async function findInvalidByte(file: string, gzip: boolean, validator: ByteValidator): Promise<ScanFinding | undefined> {
  let consumed = 0;
  let lines = 1;
  for await (const chunk of openBytes(file, gzip) as AsyncIterable<Buffer>) {
    const bad = validator.push(chunk);
    if (bad >= 0) {
      const inChunk = Math.max(0, bad - consumed);
      return { offset: bad, line: lines + countNewlines(chunk, inChunk) };
    }
    lines += countNewlines(chunk, chunk.length);
    consumed += chunk.length;
  }
  const cut = validator.end();
  return cut >= 0 ? { offset: cut, line: lines } : undefined;
}

/**
 * Reads a gzip file to its end; returns undefined when it is whole, or the
 * compressed byte offset at which it broke and zlib's reason.
 */
export async function checkGzip(file: string): Promise<{ offset: number; reason: string } | undefined> {
  const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  raw.on('data', (c) => (read += c.length));
  try {
    for await (const _ of raw.pipe(zlib.createGunzip())) void _;
    return undefined;
  } catch (err) {
    return { offset: read, reason: (err as Error).message };
  }
}

/**
 * Finds the first line of a JSON Lines file that is not valid JSON (DuckDB's own
 * message counts lines differently); returns its 1-based line and byte offset.
 */
export async function findBadJsonLine(file: string, gzip: boolean): Promise<(ScanFinding & { reason: string }) | undefined> {
  const readline = await import('node:readline');
  const lines = readline.createInterface({ input: openBytes(file, gzip), crlfDelay: Infinity });
  let line = 0;
  let offset = 0;
  for await (const text of lines) {
    line++;
    if (text.trim()) {
      try {
        JSON.parse(text);
      } catch (err) {
        lines.close();
        return { line, offset, reason: (err as Error).message };
      }
    }
    offset += Buffer.byteLength(text) + 1;
  }
  return undefined;
}
