/**
 * Decides how a file is read (format, compression, text encoding) and, for GBK /
 * GB18030 text, which DuckDB cannot read (STACK.md), transcodes it to a temporary
 * UTF-8 file in one streaming pass that also validates every byte.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { FileRefusedError } from '../load/errors.ts';
import { checkGzip, openBytes } from './byte-scan.ts';
import { parseCsvHeader } from './csv-header.ts';
import { lineBreaks, type LineBreak } from './line-map.ts';
import { gb18030Validator, sniffEncoding, utf8Validator, type TextEncoding } from './encoding.ts';

export type FileFormat = 'csv' | 'jsonl' | 'parquet';
export type DeclaredEncoding = 'auto' | 'utf-8' | 'gbk' | 'gb18030';

export interface PreparedFile {
  /** The file DuckDB reads: the original, or a transcoded temporary copy. */
  readPath: string;
  format: FileFormat;
  /** Whether DuckDB must gunzip `readPath`. */
  gzip: boolean;
  /** Compression of the original file. */
  compression: 'none' | 'gzip';
  encoding: TextEncoding | 'binary';
  /** CSV only: the header's column names, as read from the file's first line. */
  header?: string[];
  /**
   * Where row numbers and line numbers part (blank lines, multi-line fields);
   * undefined when they never do. A promise: the check reads the whole file, so it
   * runs while DuckDB stages the rows, and is awaited only when lines are needed.
   */
  lineBreaks?: Promise<LineBreak[] | undefined>;
  /** Removes temporary files. */
  cleanup(): void;
}

const SAMPLE_BYTES = 64 * 1024;

function formatFromName(file: string): FileFormat | undefined {
  const base = file.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.csv') || base.endsWith('.txt')) return 'csv';
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson') || base.endsWith('.json')) return 'jsonl';
  if (base.endsWith('.parquet')) return 'parquet';
  return undefined;
}

async function readSample(file: string, gzip: boolean): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  const stream = openBytes(file, gzip);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= SAMPLE_BYTES) break;
    }
  } catch (err) {
    if (size === 0) {
      const broken = await checkGzip(file);
      const offset = broken?.offset ?? 0;
      throw new FileRefusedError(`the gzip stream is broken (${(err as Error).message}) at compressed byte ${offset}`, { offset }, { cause: err });
    }
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return Buffer.concat(parts).subarray(0, SAMPLE_BYTES);
}

function headBytes(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

export async function prepareFile(file: string, declared: DeclaredEncoding = 'auto'): Promise<PreparedFile> {
  const head = headBytes(file, 4);
  if (head.toString('latin1') === 'PAR1') {
    return { ...plainPath(file, 'parquet'), format: 'parquet', gzip: false, compression: 'none', encoding: 'binary' };
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const sample = await readSample(file, gzip);
  if (sample.length === 0) throw new FileRefusedError('the file is empty (no header row)', { line: 1, offset: 0 });
  const format = formatFromName(file) ?? (sample.toString('latin1').trimStart().startsWith('{') ? 'jsonl' : 'csv');
  if (format === 'parquet') throw new FileRefusedError('named .parquet but not a Parquet file (no PAR1 magic)', { offset: 0 });
  const nul = sample.indexOf(0);
  if (nul >= 0) throw new FileRefusedError(`binary content (a NUL byte), not ${format.toUpperCase()} text`, { offset: nul });
  const encoding: TextEncoding =
    declared === 'auto' ? sniffEncoding(sample) : declared === 'utf-8' ? (sniffEncoding(sample) === 'utf-8-bom' ? 'utf-8-bom' : 'utf-8') : 'gb18030';
  const compression = gzip ? 'gzip' : 'none';
  const header = format === 'csv' ? parseCsvHeader(encoding === 'gb18030' ? iconv.decode(sample, 'gb18030') : sample.toString('utf8')) : undefined;
  if (encoding !== 'gb18030') {
    // DuckDB reads a gzip stream that ends early without complaint, so a gzip file
    // is read whole before it: the line check is that read (one pass, not two).
    const breaks = gzip ? Promise.resolve(await wholeGzip(file, true, () => lineBreaks(file, true, format))) : startLineBreaks(file, false, format);
    return { ...plainPath(file, format), format, gzip, compression, encoding, header, lineBreaks: breaks };
  }
  // Transcoding reads a gzip file whole too.
  const readPath = await wholeGzip(file, gzip, () => transcodeGb18030(file, gzip, declared === 'auto' ? sample : undefined));
  const cleanup = () => fs.rmSync(path.dirname(readPath), { recursive: true, force: true });
  return { readPath, format, gzip: false, compression, encoding, header, lineBreaks: startLineBreaks(readPath, false, format), cleanup };
}

/**
 * DuckDB's readers take a path as a glob pattern, so a name such as
 * `calls[2026-03].csv` would read another file, or several. Such a file is read
 * through a symbolic link with a plain name in a temporary folder.
 */
function plainPath(file: string, format: FileFormat): { readPath: string; cleanup: () => void } {
  if (!/[*?[\]{}]/.test(file)) return { readPath: file, cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-etl-'));
  const link = path.join(dir, `input.${format}`);
  fs.symlinkSync(file, link);
  return { readPath: link, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function startLineBreaks(file: string, gzip: boolean, format: 'csv' | 'jsonl'): Promise<LineBreak[] | undefined> {
  const breaks = lineBreaks(file, gzip, format);
  breaks.catch(() => {}); // awaited later; a load that fails first must not leave it unhandled
  return breaks;
}

/**
 * Runs a full read of a file (gzip or not); when it fails on a broken gzip stream,
 * refuses the file naming the compressed byte where the stream broke.
 */
async function wholeGzip<T>(file: string, gzip: boolean, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!gzip) throw err;
    const broken = await checkGzip(file);
    if (!broken) throw err;
    throw new FileRefusedError(`the gzip stream is broken (${broken.reason}) at compressed byte ${broken.offset}`, { offset: broken.offset }, { cause: err });
  }
}

/**
 * When an auto-detected file is valid in neither encoding, name both; the one
 * that read further is most likely the file's real encoding and leads.
 */
function neitherEncoding(sample: Buffer, gbkOffset: number, gbkLine: number): FileRefusedError {
  const utf8Offset = utf8Validator().push(sample);
  if (gbkOffset >= utf8Offset) {
    return new FileRefusedError(
      `not valid GBK/GB18030 text: invalid byte sequence at byte ${gbkOffset} (line ${gbkLine}); not UTF-8 either (invalid byte at ${utf8Offset})`,
      { offset: gbkOffset, line: gbkLine },
    );
  }
  const line = lineOf(sample, utf8Offset);
  return new FileRefusedError(
    `not valid UTF-8 text: invalid byte sequence at byte ${utf8Offset} (line ${line}); not GBK/GB18030 either (invalid byte at ${gbkOffset})`,
    { offset: utf8Offset, line },
  );
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Validates and transcodes GB18030 text to a temporary UTF-8 file. `sniffed` is
 * the sample when the encoding was guessed, to word the error for both encodings.
 */
async function transcodeGb18030(file: string, gzip: boolean, sniffed?: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-radar-etl-'));
  // A fixed name: DuckDB would read glob characters in the original's name as a pattern.
  const out = path.join(dir, `transcoded.${formatFromName(file) === 'jsonl' ? 'jsonl' : 'csv'}`);
  const validator = gb18030Validator();
  let consumed = 0;
  let lines = 1;
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      const bad = validator.push(chunk);
      if (bad >= 0) {
        const upTo = bad - consumed;
        for (let i = 0; i < upTo; i++) if (chunk[i] === 0x0a) lines++;
        done(
          sniffed
            ? neitherEncoding(sniffed, bad, lines)
            : new FileRefusedError(`not valid GBK/GB18030 text: invalid byte sequence at byte ${bad} (line ${lines})`, { offset: bad, line: lines }),
        );
        return;
      }
      for (const b of chunk) if (b === 0x0a) lines++;
      consumed += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      const cut = validator.end();
      done(cut >= 0 ? new FileRefusedError(`GBK/GB18030 text ends inside a character at byte ${cut}`, { offset: cut, line: lines }) : null);
    },
  });
  try {
    await pipeline(openBytes(file, gzip), check, iconv.decodeStream('gb18030'), iconv.encodeStream('utf-8'), fs.createWriteStream(out));
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (err instanceof FileRefusedError) throw err;
    throw new FileRefusedError(`cannot read the file: ${(err as Error).message}`, {}, { cause: err });
  }
  return out;
}
