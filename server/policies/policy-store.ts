/**
 * Policy versions in the warehouse (migration 004): reading the version in force
 * at an instant, the history, and adding a version under the effective-time rules
 * of policy-change.ts. Reads use the reader pool; a new version is written on the
 * writer in one transaction with the rebuild of the lookup tables, so a reader
 * never sees a version without its rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../db/run-sql.ts';
import { toDuckDBParam } from '../db/duckdb-values.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { DEFAULT_EFFECTIVE_FROM, DEFAULT_POLICY } from './default-policy.ts';
import { FLAT_TABLES } from './flatten-policy.ts';
import type { KnownCalendar } from './policy-calendars.ts';
import { checkChange, type PolicyChange } from './policy-change.ts';
import { parsePolicyDocument, type PolicyDocument } from './policy-schema.ts';

/** A version without its document, as the history lists it. */
export type PolicyVersionInfo = {
  version: number;
  effective_from: Date;
  /** End of its period (exclusive); null while open. Null too for a withdrawn version (see `in_force_ever`). */
  valid_to: Date | null;
  /** False for a version replaced before it took effect. */
  in_force_ever: boolean;
  created_at: Date;
  created_by: string;
  note: string;
  based_on: number | null;
  backdated: boolean;
};

export type PolicyVersion = PolicyVersionInfo & { document: PolicyDocument };

type Query = <T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

const INFO_SQL = `
  SELECT v.version, v.effective_from, r.valid_to, r.version IS NOT NULL AS in_force_ever,
    v.created_at, v.created_by, v.note, v.based_on, v.backdated`;
const FROM_SQL = `FROM policy_versions v LEFT JOIN policy_ranges r USING (version)`;

function storedDocument(version: number, json: string): PolicyDocument {
  const parsed = parsePolicyDocument(JSON.parse(json));
  // Only this module writes documents, always validated; a failure here is a bug or a hand edit.
  if (!parsed.ok) throw new Error(`stored policy version ${version} is invalid at ${parsed.path}: ${parsed.message}`);
  return parsed.document;
}

function withDocument(row: PolicyVersionInfo & { document: string }): PolicyVersion {
  return { ...row, document: storedDocument(row.version, row.document) };
}

/** Every version, oldest first. */
export async function listPolicyVersions(wh: Warehouse): Promise<PolicyVersionInfo[]> {
  return wh.query<PolicyVersionInfo>(`${INFO_SQL} ${FROM_SQL} ORDER BY v.version`);
}

export async function getPolicyVersion(wh: Warehouse, version: number): Promise<PolicyVersion | undefined> {
  const [row] = await wh.query<PolicyVersionInfo & { document: string }>(`${INFO_SQL}, v.document ${FROM_SQL} WHERE v.version = $1`, [version]);
  return row && withDocument(row);
}

async function versionAt(query: Query, at: Date): Promise<PolicyVersion | undefined> {
  const [row] = await query<PolicyVersionInfo & { document: string }>(
    `${INFO_SQL}, v.document ${FROM_SQL} WHERE r.valid_from <= $1 AND (r.valid_to IS NULL OR $1 < r.valid_to)`,
    [at],
  );
  return row && withDocument(row);
}

/**
 * The version in force at an instant (METRICS.md: the policy in force at a
 * contact's start applies); undefined before the first version.
 *
 * @example
 * const { version, document } = (await policyAt(wh, new Date('2026-03-01T00:00:00Z')))!;
 */
export function policyAt(wh: Warehouse, at: Date): Promise<PolicyVersion | undefined> {
  return versionAt((sql, params) => wh.query(sql, params), at);
}

/** The calendars of server/calendars (migration 003) by id. */
async function storedCalendars(query: Query): Promise<Map<string, KnownCalendar>> {
  const rows = await query<{ calendar_id: string; continuous: boolean }>('SELECT calendar_id, continuous FROM calendars');
  return new Map(rows.map((r) => [r.calendar_id, { continuous: r.continuous }]));
}

/** Rebuilds every lookup table from every stored document (run inside the caller's transaction). */
async function rebuildLookupTables(c: DuckDBConnection): Promise<void> {
  const docs = await runQuery<{ version: number; document: string }>(c, 'SELECT version, document FROM policy_versions ORDER BY version');
  for (const table of FLAT_TABLES) {
    await c.run(`DELETE FROM ${table.name}`);
    const rows = docs.flatMap((d) => table.rows(d.version, storedDocument(d.version, d.document)));
    if (rows.length === 0) continue;
    const width = table.columns.length;
    const tuples = rows.map((_, i) => `(${table.columns.map((_, j) => `$${i * width + j + 1}`).join(', ')})`);
    await runQuery(c, `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}`, rows.flat());
  }
}

async function insertVersion(c: DuckDBConnection, v: Omit<PolicyVersionInfo, 'valid_to' | 'in_force_ever'> & { document: PolicyDocument }): Promise<void> {
  await runQuery(
    c,
    `INSERT INTO policy_versions (version, effective_from, created_at, created_by, note, document, based_on, backdated)
     VALUES ($1, $2, $3, $4, $5, $6::JSON, $7, $8)`,
    [v.version, v.effective_from, v.created_at, v.created_by, v.note, JSON.stringify(v.document), v.based_on, v.backdated],
  );
}

/**
 * At start: makes the METRICS.md defaults version 1 (effective 1970-01-01) when
 * there is no version yet, and rebuilds the lookup tables from the stored
 * documents (so they follow a change of the flattening code). Idempotent.
 */
export async function ensureDefaultPolicy(wh: Warehouse): Promise<{ created: boolean }> {
  return wh.withWriter((c) =>
    inTransaction(c, async () => {
      const [{ n } = { n: 0 }] = await runQuery<{ n: number }>(c, 'SELECT count(*) AS n FROM policy_versions');
      const created = n === 0;
      if (created) {
        const now = new Date();
        await insertVersion(c, {
          version: 1, effective_from: DEFAULT_EFFECTIVE_FROM, created_at: now, created_by: 'system',
          note: 'METRICS.md defaults', document: DEFAULT_POLICY, based_on: null, backdated: false,
        });
      }
      await rebuildLookupTables(c);
      return { created };
    }),
  );
}

export interface AddedVersion {
  version: PolicyVersion;
  /** Scheduled versions this one replaced before they took effect. */
  withdrawn: number[];
}

/**
 * Adds a version (a whole document, or a merge patch over the version in force at
 * its effective time) and rebuilds the lookup tables, in one transaction on the
 * writer. Throws PolicyChangeRefused (naming the request parameter) when the
 * change breaks a rule of policy-change.ts.
 */
export async function addPolicyVersion(wh: Warehouse, change: PolicyChange): Promise<AddedVersion> {
  return wh.withWriter((c) =>
    inTransaction(c, async () => {
      const query: Query = (sql, params) => runQuery(c, sql, params);
      const history = await query<PolicyVersionInfo>(`${INFO_SQL} ${FROM_SQL} ORDER BY v.version`);
      const now = change.now ?? new Date();
      const effectiveFrom = change.effectiveFrom ?? now;
      const base = await versionAt(query, effectiveFrom);
      const calendars = await storedCalendars(query);
      const planned = checkChange(change, { history, base, now, effectiveFrom, calendars });
      const version = (history.at(-1)?.version ?? 0) + 1;
      await insertVersion(c, { version, ...planned, created_by: change.createdBy, note: change.note.trim() });
      await rebuildLookupTables(c);
      // Derived facts judge short abandons by the version in force: the customers
      // of calls from the new version's start on are recomputed at the next refresh.
      await c.run(`INSERT INTO facts_dirty_keys SELECT DISTINCT customer_key FROM fact_contacts
        WHERE kind = 'call' AND started_at >= $1`, [toDuckDBParam(effectiveFrom)]);
      const added = await versionAt(query, effectiveFrom);
      if (added?.version !== version) throw new Error(`policy version ${version} is not in force at its own effective time`);
      return { version: added, withdrawn: planned.withdrawn };
    }),
  );
}
