/**
 * Plain-text tables for the terminal: columns padded to their widest cell,
 * numbers right-aligned. East Asian wide characters (file names in Chinese)
 * count as two columns so the table stays aligned.
 */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Terminal columns a string occupies (CJK and full-width forms take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Cuts `text` to at most `width` columns, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/**
 * A row is either cells (one per column) or a single string spanning the row
 * after its first `spanFrom` cells, for notes such as a refusal reason.
 * @example
 * formatTable([{ header: 'file' }, { header: 'rows', align: 'right' }], [['a.csv', '12']])
 * // ['file   rows', 'a.csv    12']
 */
export function formatTable(columns: readonly Column[], rows: ReadonlyArray<ReadonlyArray<string>>): string[] {
  // A spanning row's leading cells share the columns' widths; its last cell does not.
  const cellsIn = (r: ReadonlyArray<string>) => (r.length === columns.length ? r : r.slice(0, -1));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(cellsIn(r)[i] ?? ''))));
  const line = (cells: ReadonlyArray<string>) => {
    if (cells.length < columns.length) {
      const lead = cells.slice(0, -1).map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left'));
      return [...lead, cells[cells.length - 1] ?? ''].join('  ').trimEnd();
    }
    return cells.map((cell, i) => pad(cell, widths[i]!, columns[i]!.align ?? 'left')).join('  ').trimEnd();
  };
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

export function num(n: number): string {
  return n.toLocaleString('en-US');
}
