/**
 * Turns DuckDB's reader errors into a FileRefusedError that names the line or byte
 * offset and the reason in plain words. DuckDB already says the line for CSV shape
 * errors; for bad bytes and broken gzip streams we find the offset ourselves.
 */
import { FileRefusedError } from '../load/errors.ts';
import { checkGzip, findInvalidByte } from './byte-scan.ts';
import { utf8Validator } from './encoding.ts';
import type { PreparedFile } from './prepare-file.ts';

function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

export async function describeReadError(err: Error, p: PreparedFile): Promise<FileRefusedError> {
  const msg = err.message;
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
  const line = /line:?\s*(\d+)/i.exec(msg)?.[1];
  const what = p.format === 'csv' ? 'CSV' : p.format === 'jsonl' ? 'JSON Lines' : 'Parquet';
  return new FileRefusedError(`not readable as ${what}: ${firstLine(msg)}`, { line: line ? Number(line) : undefined }, { cause: err });
}
