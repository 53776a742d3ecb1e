/**
 * Reads the header row of a CSV file ourselves, so DuckDB reads the file with a
 * fixed schema instead of sniffing one: a sniffer that guesses the header or the
 * column count from a sample can turn a malformed file into a "valid" one; with
 * the header fixed, a row with the wrong number of fields is an error at its line.
 */
import { FileRefusedError } from '../load/errors.ts';

/** Splits one CSV record (RFC 4180: comma, double quotes, "" inside quotes). */
export function splitCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) throw new FileRefusedError('the header row has an unterminated quote', { line: 1 });
  fields.push(field);
  return fields;
}

/** The header's column names, from the decoded start of the file. */
export function parseCsvHeader(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const end = body.search(/\r?\n/);
  if (end < 0 && body.length >= 64 * 1024) throw new FileRefusedError('no end of the header row in the first 64 KiB', { line: 1 });
  const names = splitCsvRecord(end < 0 ? body : body.slice(0, end)).map((n) => n.trim());
  if (names.some((n) => n === '')) throw new FileRefusedError('the header row has an empty column name', { line: 1 });
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new FileRefusedError(`the header row names column "${n}" twice`, { line: 1 });
    seen.add(n);
  }
  return names;
}
