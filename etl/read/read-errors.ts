/**
 * Turns DuckDB's reader errors into a FileRefusedError that names the line or byte
 * offset and the reason in plain words. DuckDB already says the line for CSV shape
 * errors; for bad bytes and broken gzip streams we find the offset ourselves.
 */
import { FileRefusedError } from '../load/errors.ts';
import { checkGzip, findBadJsonLine, findInvalidByte } from './byte-scan.ts';
import { utf8Validator } from './encoding.ts';
import type { PreparedFile } from './prepare-file.ts';

/**
 * DuckDB's reader errors carry the reason, the offending line's text and a list of
 * options to try; keep the reason (the line's text may hold personal data).
 */
function reason(message: string): string {
  const lines = message.split('\n');
  const end = lines.findIndex((l) => /^Possible fixes|^\s*file = /.test(l));
  return (end < 0 ? lines : lines.slice(0, end))
    .map((l) => l.trim().replace(/^[A-Za-z ]+ Error: /, ''))
    .filter((l) => l && !l.startsWith('Original Line') && !/^LINE \d+:|^\^/.test(l))
    .join('; ');
}

/**
 * Returns the error to report for a failed read: a FileRefusedError when the file
 * is at fault, or the original error when it is not (an interrupt at shutdown, a
 * full disk), which the loader records as `failed`.
 */
export async function describeReadError(err: Error, p: PreparedFile): Promise<Error> {
  const msg = err.message;
  if (/interrupt/i.test(msg)) return err;
  if (p.compression === 'gzip') {
    const broken = await checkGzip(p.readPath);
    if (broken) {
      return new FileRefusedError(`gzip stream is broken (${broken.reason}) after ${broken.offset} compressed bytes`, {
        offset: broken.offset,
      }, { cause: err });
    }
  }
  if (/unicode|utf-?8|encoding/i.test(msg) && p.format !== 'parquet') {
    const bad = await findInvalidByte(p.readPath, p.gzip, utf8Validator());
    if (bad) {
      return new FileRefusedError(`not valid UTF-8 text: invalid byte sequence at byte ${bad.offset} (line ${bad.line}); if it is a GBK export, load it with --encoding gbk`, bad, { cause: err });
    }
  }
  if (p.format === 'jsonl') {
    const bad = await findBadJsonLine(p.readPath, p.gzip);
    if (bad) return new FileRefusedError(`line ${bad.line} is not valid JSON: ${bad.reason}`, bad, { cause: err });
  }
  // Only the reader's own "CSV Error on Line: N" names a line of the file; DuckDB's
  // "LINE n:" marks a position in the query text.
  const line = /CSV Error on Line: (\d+)/.exec(msg)?.[1];
  const what = p.format === 'csv' ? 'CSV' : p.format === 'jsonl' ? 'JSON Lines' : 'Parquet';
  return new FileRefusedError(`not readable as ${what}: ${reason(msg)}`, { line: line ? Number(line) : undefined }, { cause: err });
}
