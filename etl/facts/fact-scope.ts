/**
 * Which facts a refresh recomputes: every ticket and customer key touched by the
 * runs not yet refreshed, plus keys and tickets whose old rows were replaced or
 * retracted (their old key may differ from the new one). Ticket facts depend on
 * the ticket's own events only; contact facts on all contacts of the customer,
 * so a customer key is in scope when any of its contacts was touched, or one of
 * its tickets (under its old key or its new one).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CALL_KEY, COMPLAINT_KEY } from './customer-key.ts';

export async function buildScope(c: DuckDBConnection, full: boolean): Promise<void> {
  const runs = full ? 'TRUE' : 'run_id IN (SELECT run_id FROM facts_dirty_runs)';
  await c.run(`CREATE OR REPLACE TEMP TABLE scope_tickets AS
    SELECT DISTINCT ticket_id FROM (
      SELECT ticket_id FROM ticket_events WHERE ${runs}
      UNION ALL SELECT ticket_id FROM facts_dirty_tickets
    )`);
  await c.run(`CREATE OR REPLACE TEMP TABLE scope_keys AS
    SELECT DISTINCT customer_key FROM (
      SELECT ${CALL_KEY} AS customer_key FROM calls WHERE ${runs}
      UNION ALL SELECT ${COMPLAINT_KEY} FROM complaints WHERE ${runs}
      UNION ALL SELECT customer_key FROM facts_dirty_keys
      UNION ALL SELECT customer_id FROM fact_tickets WHERE ticket_id IN (SELECT ticket_id FROM scope_tickets)
      UNION ALL SELECT customer_id FROM ticket_events
        WHERE customer_id IS NOT NULL AND ticket_id IN (SELECT ticket_id FROM scope_tickets)
    ) WHERE customer_key IS NOT NULL`);
}
