/**
 * Brings the derived facts up to date with the core tables, for what the loads
 * since the last refresh touched (never a whole rebuild unless asked). The new
 * rows are computed first, then swapped in by one transaction, so metric readers
 * see the facts before or after, never halfway.
 *
 * Loads record what they touched (etl/load/facts-dirty.ts) inside their own
 * transaction; a crash between a load and its refresh leaves the markers, and the
 * next refresh picks them up.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, runQuery } from '../../server/db/run-sql.ts';
import type { Warehouse } from '../../server/db/warehouse.ts';
import { applyContactFacts, prepareContactFacts } from './contact-facts.ts';
import { buildScope } from './fact-scope.ts';
import { applyTicketFacts, prepareTicketFacts } from './ticket-facts.ts';

export interface FactsRefresh {
  tickets: number;
  customers: number;
  ms: number;
}

export interface RefreshOptions {
  /** Recompute every fact, not only what loads touched (after a schema or policy change). */
  full?: boolean;
}

const TEMP_TABLES = ['scope_tickets', 'scope_keys', 'ev', 'new_fact_tickets', 'new_fact_followups', 'new_fact_refunds', 'new_fact_ticket_attrs',
  'fc', 'responses', 'related', 'new_fact_contacts'];

export function refreshFacts(wh: Warehouse, opts: RefreshOptions = {}): Promise<FactsRefresh> {
  return wh.withWriter((c) => refreshOn(c, opts));
}

export async function refreshOn(c: DuckDBConnection, opts: RefreshOptions = {}): Promise<FactsRefresh> {
  const t0 = performance.now();
  try {
    // Everything is computed into temporary tables first (the writer is held, so
    // nothing changes underneath), then swapped in by one short transaction.
    await buildScope(c, opts.full ?? false);
    const [n] = await runQuery<{ tickets: number; customers: number }>(
      c,
      'SELECT (SELECT count(*) FROM scope_tickets) AS tickets, (SELECT count(*) FROM scope_keys) AS customers',
    );
    await prepareTicketFacts(c);
    await prepareContactFacts(c);
    await inTransaction(c, async () => {
      await applyTicketFacts(c);
      await applyContactFacts(c);
      // Metric snapshots built from the facts before this swap are no longer current
      // (server/metrics/snapshot); their next build recomputes the units of what this recomputed.
      await c.run('UPDATE facts_generation SET generation = generation + 1');
      const whileSnapshots = 'WHERE EXISTS (SELECT 1 FROM metric_snapshots)';
      await c.run(`INSERT INTO snapshot_dirty_keys SELECT customer_key FROM scope_keys ${whileSnapshots}`);
      await c.run(`INSERT INTO snapshot_dirty_tickets SELECT ticket_id FROM scope_tickets ${whileSnapshots}`);
      await c.run(`INSERT INTO snapshot_dirty_runs SELECT run_id FROM facts_dirty_runs ${whileSnapshots}`);
      for (const t of ['facts_dirty_runs', 'facts_dirty_keys', 'facts_dirty_tickets']) await c.run(`DELETE FROM ${t}`);
    });
    return { tickets: n?.tickets ?? 0, customers: n?.customers ?? 0, ms: performance.now() - t0 };
  } finally {
    await c.run('DROP VIEW IF EXISTS temp.ticket_facts_next');
    for (const t of TEMP_TABLES) await c.run(`DROP TABLE IF EXISTS temp.${t}`);
  }
}

/** True when a load is not yet reflected in the facts. */
export async function factsPending(wh: Warehouse): Promise<boolean> {
  const [r] = await wh.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM facts_dirty_runs) + (SELECT count(*) FROM facts_dirty_keys) + (SELECT count(*) FROM facts_dirty_tickets) AS n',
  );
  return (r?.n ?? 0) > 0;
}
