/**
 * Upsert of the valid staged rows on the natural key (FORMATS.md "Common rules").
 *
 * For every key the versions are ordered: the stored row first, then the file's
 * rows by line. A row equal to the version before it is an exact duplicate; any
 * other row is loaded, and it *replaced* something when a version came before it.
 * The last version of each key is what ends up stored. Keys that occur once in the
 * file and not in the table (the bulk of any load) skip the ordering entirely.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../../server/db/run-sql.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import { markReplacedRows } from './facts-dirty.ts';
import { coreProjection, rowHashSql, VALID } from './stage-rows.ts';
import { ident } from './typed-columns.ts';

export interface UpsertCounts {
  loaded: number;
  replaced: number;
  duplicate: number;
}


export async function upsertStaged(c: DuckDBConnection, spec: SourceSpec, runId: number): Promise<UpsertCounts> {
  const table = ident(spec.table);
  const key = ident(spec.keyColumn);
  await c.run(`CREATE OR REPLACE TEMP TABLE existing AS
    SELECT t.${key} AS _key, ${rowHashSql(spec, 't')} AS _hash FROM ${table} t
    WHERE t.${key} IN (SELECT _key FROM staged WHERE ${VALID})`);
  // Grouping on a 64-bit hash of the key is much cheaper than on the key text; a
  // collision only sends a key through the (exact) ordering below.
  await c.run(`CREATE OR REPLACE TEMP TABLE chained_keys AS
    SELECT DISTINCT _key FROM staged WHERE ${VALID} AND hash(_key) IN (
      SELECT hash(_key) AS h FROM staged WHERE ${VALID} GROUP BY h HAVING count(*) > 1)
    UNION SELECT _key FROM existing`);
  await c.run(`CREATE OR REPLACE TEMP TABLE chain AS
    SELECT *, coalesce(_prev_hash = _hash, false) AS _dup
    FROM (
      SELECT _key, _line, _hash, lag(_hash) OVER (PARTITION BY _key ORDER BY _line NULLS FIRST) AS _prev_hash
      FROM (
        SELECT _key, NULL::BIGINT AS _line, _hash FROM existing
        UNION ALL
        SELECT s._key, s._line, ${rowHashSql(spec, 's')} AS _hash FROM staged_rows s SEMI JOIN chained_keys k ON s._key = k._key WHERE ${VALID}
      )
    )`);
  // The version that ends up stored is the last one that changed something (a
  // duplicate keeps the provenance of the row it repeats); it is written unless it
  // is the stored row itself.
  await c.run(`CREATE OR REPLACE TEMP TABLE final_writes AS
    SELECT f._key, f._line, e._key IS NOT NULL AS _had_existing
    FROM (SELECT *, row_number() OVER (PARTITION BY _key ORDER BY _line DESC NULLS LAST) AS _rank FROM chain WHERE NOT _dup) f
    LEFT JOIN existing e ON e._key = f._key
    WHERE f._rank = 1 AND f._line IS NOT NULL`);
  const [counts] = await runQuery<{ valid: number; duplicate: number; replaced: number }>(
    c,
    `SELECT (SELECT count(*) FROM staged WHERE ${VALID}) AS valid,
       count(*) FILTER (WHERE _line IS NOT NULL AND _dup) AS duplicate,
       count(*) FILTER (WHERE _line IS NOT NULL AND _prev_hash <> _hash) AS replaced
     FROM chain`,
  );
  await writeRows(c, spec, runId);
  const valid = counts?.valid ?? 0;
  const duplicate = counts?.duplicate ?? 0;
  return { loaded: valid - duplicate, replaced: counts?.replaced ?? 0, duplicate };
}

async function writeRows(c: DuckDBConnection, spec: SourceSpec, runId: number): Promise<void> {
  const table = ident(spec.table);
  const key = ident(spec.keyColumn);
  const proj = coreProjection(spec, runId);
  const columns = proj.map((p) => ident(p.column)).join(', ');
  const exprs = proj.map((p) => (/^\d+$/.test(p.expr) ? p.expr : `s.${p.expr}`)).join(', ');
  await markReplacedRows(c, spec);
  await c.run(`DELETE FROM ${table} WHERE ${key} IN (SELECT _key FROM final_writes WHERE _had_existing)`);
  // The table's physical order means nothing (every row carries its line), and not
  // keeping it lets DuckDB write row groups as they come. load-file.ts restores the
  // setting after the transaction (staging relies on it).
  await c.run('SET preserve_insertion_order = false');
  await c.run(`INSERT INTO ${table} (${columns})
    SELECT ${exprs} FROM staged_rows s ANTI JOIN chained_keys k ON s._key = k._key WHERE ${VALID}
    UNION ALL
    SELECT ${exprs} FROM staged_rows s SEMI JOIN final_writes f ON s._line = f._line`);
}
