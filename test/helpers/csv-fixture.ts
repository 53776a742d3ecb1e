/**
 * Small CSV fixtures built from a header and rows given as objects (values are the
 * exact text of each field; no quoting, so no commas or quotes in values).
 */
export type FixtureRow = Record<string, string>;

/** One CSV line of `row`'s values in `header` order (missing = empty field). */
export function csvLine(header: readonly string[], row: FixtureRow): string {
  return header.map((h) => row[h] ?? '').join(',');
}

/** A whole CSV file: header line, one line per row, final newline. */
export function csvFile(header: readonly string[], rows: readonly FixtureRow[]): string {
  return [header.join(','), ...rows.map((r) => csvLine(header, r))].join('\n') + '\n';
}

/**
 * What etl_rejects.raw should hold for `row`: every column of the file under its
 * own name, the field's text as written, an empty field as null.
 */
export function rawOf(header: readonly string[], row: FixtureRow): Record<string, string | null> {
  return Object.fromEntries(header.map((h) => [h, row[h] ? row[h] : null]));
}
