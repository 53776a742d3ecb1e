/**
 * Staging: one pass over the file (as DuckDB reads it) that types every column,
 * computes the natural key and a hash of the typed values, and lists the rules
 * each row breaks. Rows whose `_fails` is NULL are valid; the others carry
 * their raw text (`_raw`) to become rejects.
 *
 * The query is layered so each typed value is computed once: the inner SELECT
 * types, the middle one checks the rules against typed and raw values, the outer
 * one keeps only what later steps need (no raw text for valid rows).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { describeReadError } from '../read/read-errors.ts';
import type { LandingRelation } from '../read/land-file.ts';
import type { LineBreak } from '../read/line-map.ts';
import type { PreparedFile } from '../read/prepare-file.ts';
import type { RuleSpec, SourceSpec } from '../sources/source-spec.ts';
import { FileRefusedError } from './errors.ts';
import { ident, lit, typedExpr, typedName } from './typed-columns.ts';

/**
 * The hash that tells an exact duplicate: over the typed values, the same
 * expression for a staged row and a stored one (same column names and types).
 */
export function rowHashSql(spec: SourceSpec, alias: string): string {
  const cols = [...spec.columns.map((c) => ident(typedName(spec, c))), 'extra'].map((c) => `${alias}.${c}`);
  return `hash(${cols.map((c) => (c.endsWith('.extra') ? `${c}::VARCHAR` : c)).join(', ')})`;
}

/**
 * A row is valid when no rule failed while staging (`_fails` is NULL: building an
 * empty list for every valid row is costly) and no cross-row rule failed later
 * (`_late_rule`, a scalar so that updating it keeps the row's rowid, i.e. its line).
 */
export const VALID = '_fails IS NULL AND _late_rule IS NULL';
export const INVALID = `NOT (${VALID})`;

/** How each core-table column is filled from a `staged_rows` row (provenance last). */
export function coreProjection(spec: SourceSpec, runId: number): { column: string; expr: string }[] {
  const typed = spec.columns.map((c) => typedName(spec, c));
  const key = typed.includes(spec.keyColumn) ? [] : [{ column: spec.keyColumn, expr: '_key' }];
  return [
    ...key,
    ...typed.map((t) => ({ column: t, expr: ident(t) })),
    { column: 'extra', expr: 'extra' },
    { column: 'run_id', expr: String(runId) },
    { column: 'source_line', expr: '_line' },
  ];
}

export function stageSql(spec: SourceSpec, rules: readonly RuleSpec[], land: LandingRelation): string {
  const names = spec.columns.map((c) => ident(typedName(spec, c)));
  const typed = spec.columns.map((c, i) => `${typedExpr(c)} AS ${names[i]}`);
  // Most rows are valid: one OR over the rules decides, and only failing rows
  // build the list of the rules they broke (rule i, 1-based, contributes i).
  const bad = rules.map((r) => `coalesce(${r.failsWhen}, false)`).join('\n      OR ');
  const fails = rules.map((r, i) => `CASE WHEN (${r.failsWhen}) THEN ${i + 1} END`).join(', ');
  return `CREATE OR REPLACE TEMP TABLE staged AS
SELECT ${names.join(', ')}, extra, _key,
  CASE WHEN _bad THEN list_filter([${fails}], x -> x IS NOT NULL)::INTEGER[] END AS _fails,
  NULL::INTEGER AS _late_rule,
  CASE WHEN _bad THEN ${land.rawJsonExpr} END AS _raw
FROM (
  SELECT *, ${spec.keyExpr} AS _key,
    (${bad}) AS _bad
  FROM (
    SELECT *,
      ${typed.join(',\n      ')},
      _extra AS extra
    FROM (SELECT ${land.projections.join(',\n      ')} FROM ${land.from})
  )
)`;
}

/**
 * Creates `staged` (outside any transaction, so its rowids are the file's row
 * order from 0) and the view `staged_rows` that adds the line number.
 */
export async function stageRows(c: DuckDBConnection, spec: SourceSpec, rules: readonly RuleSpec[], land: LandingRelation, p: PreparedFile): Promise<number> {
  try {
    await c.run(stageSql(spec, rules, land));
  } catch (err) {
    if (err instanceof FileRefusedError) throw err;
    throw await describeReadError(err as Error, p);
  }
  await createLineView(c, land.lineBase, await p.lineBreaks);
  const reader = await c.runAndReadAll('SELECT count(*) FROM staged');
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** The view `staged_rows`: staged rows with their line in the file. */
async function createLineView(c: DuckDBConnection, base: number, breaks: LineBreak[] | undefined): Promise<void> {
  if (!breaks?.length) {
    await c.run(`CREATE OR REPLACE TEMP VIEW staged_rows AS SELECT *, rowid + ${base} AS _line FROM staged`);
    return;
  }
  await c.run('CREATE OR REPLACE TEMP TABLE line_map (first_rowid BIGINT, first_line BIGINT)');
  await c.run(`INSERT INTO line_map VALUES ${breaks.map((b) => `(${b.rowid}, ${b.line})`).join(', ')}`);
  await c.run(`CREATE OR REPLACE TEMP VIEW staged_rows AS
    SELECT s.*, m.first_line + (s._rowid - m.first_rowid) AS _line
    FROM (SELECT *, rowid AS _rowid FROM staged) s ASOF JOIN line_map m ON s._rowid >= m.first_rowid`);
}

/** Copies the failing rows, with their raw text, to etl_rejects. */
export async function writeRejects(c: DuckDBConnection, spec: SourceSpec, rules: readonly RuleSpec[], runId: number): Promise<void> {
  const ids = `[${rules.map((r) => lit(r.id)).join(', ')}]`;
  const messages = `[${rules.map((r) => lit(r.message)).join(', ')}]`;
  await c.run(`INSERT INTO etl_rejects (run_id, kind, source_line, rule, rules, message, raw)
SELECT ${runId}, ${lit(spec.kind)}, _line, ${ids}[f[1]], list_transform(f, i -> ${ids}[i]), ${messages}[f[1]], coalesce(_raw, '{}'::JSON)
FROM (SELECT *, coalesce(_fails, [_late_rule]) AS f FROM staged_rows WHERE ${INVALID})
ORDER BY _line`);
}
