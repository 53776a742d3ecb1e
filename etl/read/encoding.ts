/**
 * Byte-level validators that find the offset of the first invalid sequence, so a
 * refused file can say exactly where it went wrong (FORMATS.md: "rejected whole,
 * with the byte offset of the first bad sequence"). They run only to detect an
 * encoding or after DuckDB has refused a file, never on the fast path of a valid
 * UTF-8 load.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Incremental validator: feed chunks, get the absolute offset of the first bad byte. */
export interface ByteValidator {
  /** Returns the absolute offset of the first invalid byte in this chunk, or -1. */
  push(chunk: Uint8Array): number;
  /** Returns the offset of a sequence cut off by the end of input, or -1. */
  end(): number;
}

/** UTF-8 per RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
export function utf8Validator(): ByteValidator {
  let need = 0; // continuation bytes still expected
  let lo = 0x80; // allowed range of the next continuation byte
  let hi = 0xbf;
  let seqStart = 0;
  let pos = 0;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++, pos++) {
        const b = chunk[i]!;
        if (need > 0) {
          if (b < lo || b > hi) return seqStart;
          lo = 0x80;
          hi = 0xbf;
          need--;
          continue;
        }
        seqStart = pos;
        if (b < 0x80) continue;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          if (b === 0xe0) lo = 0xa0;
          if (b === 0xed) hi = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          if (b === 0xf0) lo = 0x90;
          if (b === 0xf4) hi = 0x8f;
        } else return pos;
      }
      return -1;
    },
    end() {
      return need > 0 ? seqStart : -1;
    },
  };
}

/**
 * GB18030 (a superset of GBK): one byte 00–7F; two bytes 81–FE then 40–7E or
 * 80–FE; four bytes 81–FE, 30–39, 81–FE, 30–39.
 */
export function gb18030Validator(): ByteValidator {
  let state = 0; // 0: start, 1: after lead, 2: after lead+digit, 3: after lead+digit+lead
  let seqStart = 0;
  let pos = 0;
  return {
    push(chunk) {
      for (let i = 0; i < chunk.length; i++, pos++) {
        const b = chunk[i]!;
        if (state === 0) {
          seqStart = pos;
          if (b <= 0x7f) continue;
          if (b >= 0x81 && b <= 0xfe) state = 1;
          else return pos;
        } else if (state === 1) {
          if ((b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe)) state = 0;
          else if (b >= 0x30 && b <= 0x39) state = 2;
          else return seqStart;
        } else if (state === 2) {
          if (b >= 0x81 && b <= 0xfe) state = 3;
          else return seqStart;
        } else {
          if (b >= 0x30 && b <= 0x39) state = 0;
          else return seqStart;
        }
      }
      return -1;
    },
    end() {
      return state !== 0 ? seqStart : -1;
    },
  };
}

/**
 * Guesses the encoding of a file from its first bytes: a BOM means UTF-8 with BOM;
 * bytes that are valid UTF-8 (a sequence cut by the sample's end allowed) mean
 * UTF-8; anything else is taken as GB18030, the superset of GBK that Chinese Excel
 * writes. The whole file is still validated in the chosen encoding.
 */
export function sniffEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  return utf8Validator().push(sample) === -1 ? 'utf-8' : 'gb18030';
}
