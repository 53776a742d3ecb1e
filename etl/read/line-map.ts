/**
 * Line numbers of the rows DuckDB reads. DuckDB numbers rows, not lines: it skips
 * blank lines, and a CSV field in quotes may span lines. So every stored row's
 * `source_line` is `rowid + base` only when the file has neither; this module
 * finds out, with a fast pass that uses native searches (the usual file has no
 * anomaly and costs one read), and, when it has, maps rows to lines exactly with a
 * second, byte-by-byte pass.
 */
import { openBytes } from './byte-scan.ts';

/** From row `rowid` on (until the next break), the row's line is `line + (row - rowid)`. */
export interface LineBreak {
  rowid: number;
  line: number;
}

const NL = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

function isBlankLineByte(b: number, jsonl: boolean): boolean {
  return b === CR || (jsonl && (b === 0x20 || b === 0x09));
}

/** Whether a chunk (outside quotes) may hold a blank line; false is certain, true is a maybe. */
function mayHaveBlankLine(chunk: Buffer, jsonl: boolean): boolean {
  const first = chunk[0];
  if (first === NL || first === CR || (jsonl && (first === 0x20 || first === 0x09))) return true;
  if (chunk.indexOf('\n\n') >= 0 || chunk.indexOf('\n\r') >= 0) return true;
  return jsonl && (chunk.indexOf('\n ') >= 0 || chunk.indexOf('\n\t') >= 0);
}

const COMMA = 0x2c;

/**
 * CSV quoting as DuckDB reads it: a quote opens a quoted field only at the start
 * of a field (a stray quote inside an unquoted value is just a character); inside,
 * `""` is a quote and a lone `"` closes the field.
 */
class CsvQuotes {
  inQuotes = false;
  #closing = false;
  #fieldStart = true;

  /** True when this byte is a newline inside a quoted field (not a record end). */
  quotedNewline(b: number): boolean {
    if (this.#closing) {
      this.#closing = false;
      if (b === QUOTE) return false; // "" inside quotes
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      if (b === QUOTE) this.#closing = true;
      return b === NL;
    }
    if (b === QUOTE && this.#fieldStart) this.inQuotes = true;
    this.#fieldStart = b === COMMA || b === NL;
    return false;
  }

  /** A chunk with no quote was passed over outside quotes: only its last byte matters. */
  skipped(last: number | undefined): void {
    this.#fieldStart = last === COMMA || last === NL;
  }
}

/**
 * Fast check, fed chunk by chunk: `found` turns true when some line is blank or
 * some newline sits inside CSV quotes. Chunks without a quote or a blank-line
 * pattern cost two native searches.
 */
class LineAnomalyCheck {
  found = false;
  readonly #quotes = new CsvQuotes();
  #lineHasContent = true; // the line before the file start counts as not blank

  constructor(private readonly jsonl: boolean) {}

  push(chunk: Buffer): void {
    if (this.found) return;
    const quoted = !this.jsonl && (this.#quotes.inQuotes || chunk.indexOf(QUOTE) >= 0);
    if (!quoted && !mayHaveBlankLine(chunk, this.jsonl)) {
      this.#lineHasContent = chunk[chunk.length - 1] !== NL;
      this.#quotes.skipped(chunk[chunk.length - 1]);
      return;
    }
    this.found = this.#scan(chunk);
  }

  #scan(chunk: Buffer): boolean {
    for (const b of chunk) {
      const wasQuoted = !this.jsonl && this.#quotes.inQuotes;
      if (!this.jsonl && this.#quotes.quotedNewline(b)) return true;
      if (wasQuoted && this.#quotes.inQuotes) continue;
      if (b === NL) {
        if (!this.#lineHasContent) return true;
        this.#lineHasContent = false;
      } else if (!isBlankLineByte(b, this.jsonl)) {
        this.#lineHasContent = true;
      }
    }
    return false;
  }
}

async function hasAnomaly(file: string, gzip: boolean, jsonl: boolean): Promise<boolean> {
  const check = new LineAnomalyCheck(jsonl);
  for await (const chunk of openBytes(file, gzip) as AsyncIterable<Buffer>) {
    check.push(chunk);
    if (check.found) return true;
  }
  return false;
}

/** Exact pass: the line each record starts on, kept only where the simple formula breaks. */
async function exactBreaks(file: string, gzip: boolean, jsonl: boolean, headerRecords: number): Promise<LineBreak[]> {
  const breaks: LineBreak[] = [];
  let line = 1;
  let recordLine = 1;
  let record = 0;
  const quotes = new CsvQuotes();
  let hasContent = false;
  const endRecord = () => {
    if (hasContent) {
      const rowid = record - headerRecords;
      const last = breaks[breaks.length - 1];
      if (rowid >= 0 && (!last || last.line + (rowid - last.rowid) !== recordLine)) breaks.push({ rowid, line: recordLine });
      record++;
    }
    hasContent = false;
  };
  for await (const chunk of openBytes(file, gzip) as AsyncIterable<Buffer>) {
    for (const b of chunk) {
      const wasQuoted = !jsonl && quotes.inQuotes;
      if (!jsonl && quotes.quotedNewline(b)) {
        line++;
        continue;
      }
      if (wasQuoted && quotes.inQuotes) continue;
      if (b === NL) {
        endRecord();
        line++;
        recordLine = line;
      } else if (!isBlankLineByte(b, jsonl)) {
        hasContent = true;
      }
    }
  }
  endRecord();
  return breaks;
}

/**
 * Returns the breaks of a CSV (header = first record) or JSON Lines file, or
 * undefined when `rowid + base` is right for every row.
 */
export async function lineBreaks(file: string, gzip: boolean, format: 'csv' | 'jsonl'): Promise<LineBreak[] | undefined> {
  const jsonl = format === 'jsonl';
  if (!(await hasAnomaly(file, gzip, jsonl))) return undefined;
  return exactBreaks(file, gzip, jsonl, jsonl ? 0 : 1);
}
