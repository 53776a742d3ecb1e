/**
 * What a load tells the facts refresh (etl/facts/refresh-facts.ts), inside the
 * load's own transaction: its run id (its rows are found by run_id), and the
 * customer key or ticket of every row it replaced, because the old row may have
 * belonged to another customer or ticket whose facts must change too.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CALL_KEY, COMPLAINT_KEY } from '../facts/customer-key.ts';
import type { SourceSpec } from '../sources/source-spec.ts';
import { ident } from './typed-columns.ts';

const OLD_ROW_MARKERS: Record<SourceSpec['kind'], { table: string; key: string }> = {
  calls: { table: 'facts_dirty_keys', key: CALL_KEY },
  complaints: { table: 'facts_dirty_keys', key: COMPLAINT_KEY },
  ticket_events: { table: 'facts_dirty_tickets', key: 'ticket_id' },
};

/** Before replaced rows are deleted: remember whose facts they fed. */
export async function markReplacedRows(c: DuckDBConnection, spec: SourceSpec): Promise<void> {
  const m = OLD_ROW_MARKERS[spec.kind];
  await c.run(`INSERT INTO ${m.table} SELECT ${m.key} FROM ${ident(spec.table)}
    WHERE ${ident(spec.keyColumn)} IN (SELECT _key FROM final_writes WHERE _had_existing)`);
}

export async function markRunDirty(c: DuckDBConnection, runId: number): Promise<void> {
  await c.run(`INSERT INTO facts_dirty_runs VALUES (${runId})`);
}
