/**
 * Landing: describes how DuckDB reads a file itself (read_csv / read_json_objects
 * / read_parquet) as a relation with one VARCHAR value per canonical column
 * (NULL where the file lacks it) and the unknown columns as JSON. Staging reads
 * that relation in the same pass that types and validates it (stage-rows.ts).
 *
 * Why the raw rows are not stored in a persistent landing table: writing every raw
 * row a second time tripled load time (measured: +14.8 s for 10 M calls), and the
 * raw text matters only for rows that fail: those keep it in etl_rejects. Loaded
 * rows keep their provenance (run, line) and unknown columns (`extra`) instead.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../../server/db/run-sql.ts';
import { FileRefusedError } from '../load/errors.ts';
import { ident, lit, rawCol } from '../load/typed-columns.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import type { LineBreak } from './line-map.ts';
import type { PreparedFile } from './prepare-file.ts';

export interface LandingRelation {
  /** SELECT list items: `r_<name>` VARCHAR for every canonical column, and `_extra` JSON. */
  projections: string[];
  /** The FROM clause. */
  from: string;
  /** Added to the staged table's rowid to give the line (CSV, after the header) or record number. */
  lineBase: number;
  /** SQL over the projections giving the row as read, as JSON with the file's own column names. */
  rawJsonExpr: string;
}

interface SourceColumn {
  /** Name as in the file. */
  name: string;
  /** SQL giving the value as VARCHAR from the reader's output. */
  valueSql: string;
}

export function csvReader(p: PreparedFile, header: readonly string[]): string {
  // Dialect and columns fixed (FORMATS.md's CSV: comma, double quotes; the header we
  // read) rather than sniffed, so a row with a wrong field count is an error at its line.
  const columns = `{${header.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ')}}`;
  return `read_csv(${lit(p.readPath)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
    columns = ${columns}, compression = '${p.gzip ? 'gzip' : 'none'}', strict_mode = true, null_padding = false,
    encoding = 'utf-8')`;
}

async function describe(c: DuckDBConnection, relation: string): Promise<string[]> {
  const rows = await runQuery<{ column_name: string }>(c, `DESCRIBE SELECT * FROM ${relation}`);
  return rows.map((r) => r.column_name);
}

/**
 * Maps the file's columns onto the spec's, case-insensitively. A CSV header naming
 * one column twice is refused; JSON Lines records may spell a key differently from
 * record to record, so there the spellings are merged (`mergeVariants`).
 */
function mapColumns(spec: SourceSpec, cols: SourceColumn[], mergeVariants: boolean) {
  const byCanonical = new Map<string, SourceColumn[]>();
  const unknown: SourceColumn[] = [];
  const known = new Set(spec.columns.map((c) => c.name));
  for (const col of cols) {
    const key = col.name.trim().replace(/^\uFEFF/, '').toLowerCase();
    if (!known.has(key)) {
      unknown.push(col);
      continue;
    }
    const seen = byCanonical.get(key);
    if (seen && !mergeVariants) throw new FileRefusedError(`columns "${seen[0]!.name}" and "${col.name}" both name ${key}`, { line: 1 });
    byCanonical.set(key, [...(seen ?? []), col]);
  }
  const missing = spec.columns.filter((c) => c.required && !byCanonical.has(c.name)).map((c) => c.name);
  if (missing.length) {
    throw new FileRefusedError(`missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header`, { line: 1 });
  }
  // Sorted, so the same record gives the same `extra` (and row hash) in any format.
  unknown.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { byCanonical, unknown };
}

function relation(spec: SourceSpec, cols: SourceColumn[], from: string, lineBase: number, record?: string): LandingRelation {
  const mergeVariants = record !== undefined;
  const { byCanonical, unknown } = mapColumns(spec, cols, mergeVariants);
  const valueOf = (variants: SourceColumn[] | undefined) =>
    !variants ? 'NULL::VARCHAR' : variants.length === 1 ? variants[0]!.valueSql : `coalesce(${variants.map((v) => v.valueSql).join(', ')})`;
  const projections = spec.columns.map((c) => `${valueOf(byCanonical.get(c.name))} AS ${rawCol(c.name)}`);
  // Unknown columns are kept, but a row whose unknown columns are all empty keeps nothing.
  const extra = unknown.length
    ? `CASE WHEN coalesce(${unknown.map((u) => u.valueSql).join(', ')}) IS NOT NULL
        THEN json_object(${unknown.map((u) => `${lit(u.name)}, ${u.valueSql}`).join(', ')}) END`
    : 'NULL::JSON';
  projections.push(`${extra} AS _extra`);
  // A JSON Lines record is its own raw text: keep it whole, exactly as read.
  if (record) {
    projections.push(`${record} AS _record`);
    return { projections, from, lineBase, rawJsonExpr: '_record' };
  }
  const rawKnown = `json_object(${[...byCanonical.entries()].map(([canon, [col]]) => `${lit(col!.name)}, ${rawCol(canon)}`).join(', ')})`;
  const rawJsonExpr = unknown.length ? `json_merge_patch(${rawKnown}, coalesce(_extra, '{}'::JSON))` : rawKnown;
  return { projections, from, lineBase, rawJsonExpr };
}

async function csvRelation(c: DuckDBConnection, spec: SourceSpec, p: PreparedFile): Promise<LandingRelation> {
  const header = p.header ?? [];
  const cols = header.map((name) => ({ name, valueSql: ident(name) }));
  return relation(spec, cols, csvReader(p, header), 2);
}

/** JSON Lines are read as one JSON value per line first, to find every key used in the file. */
async function jsonlRelation(c: DuckDBConnection, spec: SourceSpec, p: PreparedFile): Promise<LandingRelation> {
  await c.run(`CREATE OR REPLACE TEMP TABLE land_json AS
    SELECT json FROM read_json_objects(${lit(p.readPath)}, format = 'newline_delimited', compression = '${p.gzip ? 'gzip' : 'uncompressed'}')`);
  const [bad] = await runQuery<{ rn: number | null }>(c, `SELECT min(rowid) + 1 AS rn FROM land_json WHERE json_type(json) <> 'OBJECT'`);
  if (bad?.rn) {
    const line = lineOfRow(await p.lineBreaks, bad.rn - 1, 1);
    throw new FileRefusedError(`line ${line} is not a JSON object`, { line });
  }
  const keys = await runQuery<{ k: string }>(c, `SELECT DISTINCT unnest(json_keys(json)) AS k FROM land_json ORDER BY k`);
  const cols = keys.map(({ k }) => ({ name: k, valueSql: `(json ->> ${lit(`$."${k.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)})` }));
  return relation(spec, cols, 'land_json', 1, 'json');
}

async function parquetRelation(c: DuckDBConnection, spec: SourceSpec, p: PreparedFile): Promise<LandingRelation> {
  const reader = `read_parquet(${lit(p.readPath)})`;
  // Cast to text so every format goes through the same parsing and rules; a
  // TIMESTAMPTZ becomes text with its offset, a naive TIMESTAMP stays platform-local.
  const cols = (await describe(c, reader)).map((name) => ({ name, valueSql: `CAST(${ident(name)} AS VARCHAR)` }));
  return relation(spec, cols, reader, 1);
}

/** The line of a row (by rowid), past blank lines (see line-map.ts). */
function lineOfRow(breaks: LineBreak[] | undefined, rowid: number, base: number): number {
  const b = breaks?.filter((x) => x.rowid <= rowid).at(-1);
  return b ? b.line + (rowid - b.rowid) : rowid + base;
}

const RELATIONS = { csv: csvRelation, jsonl: jsonlRelation, parquet: parquetRelation } as const;

export function landingRelation(c: DuckDBConnection, spec: SourceSpec, p: PreparedFile): Promise<LandingRelation> {
  return RELATIONS[p.format](c, spec, p);
}
