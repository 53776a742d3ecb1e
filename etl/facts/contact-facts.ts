/**
 * fact_contacts for every contact of the customers in scope (METRICS.md
 * "Contacts"): its first human response and the start of the next contact about
 * the same issue after it was resolved. Both need the customer's other contacts,
 * which is why the scope is whole customers.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CALL_KEY, COMPLAINT_KEY } from './customer-key.ts';

const IN_SCOPE = '(SELECT customer_key FROM scope_keys)';

/**
 * Microseconds from a number of seconds, for adding call durations to instants. The
 * ETL accepts any finite duration; one too large for an instant gives NULL here
 * rather than failing every refresh.
 */
const secs = (expr: string) => `to_microseconds(TRY_CAST((${expr}) * 1000000 AS BIGINT))`;

/**
 * Computes `new_fact_contacts` outside the refresh's transaction (see
 * prepareTicketFacts: ASOF joins over temporary tables made inside a transaction
 * are very slow), over ticket facts as they will be after the refresh.
 */
export async function prepareContactFacts(c: DuckDBConnection): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP TABLE fc AS ${contactsSql()}`);
  await c.run(`CREATE OR REPLACE TEMP TABLE responses AS ${responsesSql()}`);
  // Contacts that count for "about the same issue": not short abandons, judged by
  // the short_abandon_s of the policy version in force when the call started.
  await c.run(`CREATE OR REPLACE TEMP TABLE related AS
    SELECT f.customer_key, f.order_id, f.started_at FROM fc f
    LEFT JOIN policy_ranges r ON f.kind = 'call' AND f.started_at >= r.valid_from AND (r.valid_to IS NULL OR f.started_at < r.valid_to)
    LEFT JOIN policy_settings p ON p.version = r.version
    WHERE NOT (f.kind = 'call' AND f.outcome = 'abandoned' AND f.wait_s < p.short_abandon_s)`);
  await c.run(`CREATE OR REPLACE TEMP TABLE new_fact_contacts AS ${factRowsSql()}`);
}

export async function applyContactFacts(c: DuckDBConnection): Promise<void> {
  await c.run(`DELETE FROM fact_contacts WHERE customer_key IN ${IN_SCOPE}`);
  // In time order. Metric queries select a date range; DuckDB skips a row group
  // (122,880 rows) when its min/max started_at misses the range, which only helps
  // when rows are stored by time: a 30-day read of a year of 12 M unordered rows
  // decompressed every row group (0.47 s of scan against 0.03 s sorted). A full
  // refresh writes the whole table in order; an incremental one appends its
  // customers' rows in order after the rest.
  await c.run('INSERT INTO fact_contacts SELECT * FROM new_fact_contacts ORDER BY started_at');
}

function contactsSql(): string {
  return `
    SELECT 'call' AS kind, call_id AS contact_id, started_at, 'phone' AS channel, queue, category, priority,
      agent_id AS agent, NULL::VARCHAR AS source, ${CALL_KEY} AS customer_key, order_id, outcome, wait_s,
      CASE WHEN outcome = 'answered' THEN started_at + ${secs('wait_s')} END AS answered_at,
      CASE WHEN outcome = 'answered' THEN started_at + ${secs('wait_s + coalesce(talk_s, 0)')} END AS resolved_at,
      callback_at, NULL::TIMESTAMPTZ AS own_response_at, coalesce(transferred, false) AS transferred, NULL::TIMESTAMPTZ AS reopened_at
    FROM calls WHERE ${CALL_KEY} IN ${IN_SCOPE}
    UNION ALL
    SELECT 'ticket', ticket_id, opened_at, channel, NULL, category, priority, agent, NULL, customer_id, order_id,
      NULL, NULL, NULL, first_resolved_at, NULL, first_reply_at,
      coalesce(first_transfer_at < first_resolved_at, false), first_reopen_after_resolve_at
    FROM ticket_facts_next WHERE customer_id IN ${IN_SCOPE}
    UNION ALL
    SELECT 'complaint', complaint_id, received_at, 'complaint', NULL, category, NULL, NULL, source, ${COMPLAINT_KEY}, order_id,
      NULL, NULL, NULL, NULL, NULL, first_response_at, NULL, NULL
    FROM complaints WHERE ${COMPLAINT_KEY} IN ${IN_SCOPE}`;
}

/** Human responses to a customer on any channel (METRICS.md "Silence", calls). */
function responsesSql(): string {
  return `
    SELECT customer_key, answered_at AS at FROM fc WHERE answered_at IS NOT NULL
    UNION ALL SELECT customer_key, callback_at FROM fc WHERE callback_at IS NOT NULL
    UNION ALL
    SELECT t.customer_id, e.event_at FROM ticket_events e JOIN ticket_facts_next t USING (ticket_id)
    WHERE e."type" = 'agent_reply' AND e.event_at >= t.opened_at AND t.customer_id IN ${IN_SCOPE}`;
}

/**
 * A call's first response: its own answer, else the first response to its
 * customer strictly after it started. The next related contact after a contact's
 * resolution: same customer and the same order, or either without one. Each is
 * an ASOF join over only the contacts that need it, joined back by key: one
 * statement chaining the four joins over every contact took 2.7x as long, and
 * DuckDB's ASOF join (1.5) matches a NULL probe value (an unresolved contact's
 * resolved_at) to the customer's first row once the input is larger than a few
 * rows, which gave unresolved contacts a "next related contact".
 */
function factRowsSql(): string {
  return `
    WITH rescue AS (
      SELECT x.kind, x.contact_id, r.at AS rescue_at FROM (SELECT * FROM fc WHERE kind = 'call' AND answered_at IS NULL) x
      ASOF LEFT JOIN responses r ON r.customer_key = x.customer_key AND r.at > x.started_at),
    resolved AS (SELECT * FROM fc WHERE resolved_at IS NOT NULL),
    next_any AS (
      SELECT x.kind, x.contact_id, a.started_at AS next_at FROM (SELECT * FROM resolved WHERE order_id IS NULL) x
      ASOF LEFT JOIN related a ON a.customer_key = x.customer_key AND a.started_at > x.resolved_at),
    next_same_order AS (
      SELECT x.kind, x.contact_id, o.started_at AS next_at FROM (SELECT * FROM resolved WHERE order_id IS NOT NULL) x
      ASOF LEFT JOIN (SELECT * FROM related WHERE order_id IS NOT NULL) o
        ON o.customer_key = x.customer_key AND o.order_id = x.order_id AND o.started_at > x.resolved_at),
    next_no_order AS (
      SELECT x.kind, x.contact_id, n.started_at AS next_at FROM (SELECT * FROM resolved WHERE order_id IS NOT NULL) x
      ASOF LEFT JOIN (SELECT * FROM related WHERE order_id IS NULL) n ON n.customer_key = x.customer_key AND n.started_at > x.resolved_at),
    next_related AS (
      SELECT kind, contact_id, min(next_at) AS next_at
      FROM (SELECT * FROM next_any UNION ALL SELECT * FROM next_same_order UNION ALL SELECT * FROM next_no_order)
      GROUP BY kind, contact_id)
    SELECT x.kind, x.contact_id, x.started_at, x.channel, x.queue, x.category, x.priority, x.agent, x.source,
      x.customer_key, x.order_id, x.outcome, x.wait_s,
      CASE x.kind WHEN 'call' THEN coalesce(x.answered_at, r.rescue_at) ELSE x.own_response_at END,
      x.resolved_at, n.next_at, x.transferred, x.reopened_at
    FROM fc x
    LEFT JOIN rescue r ON r.kind = x.kind AND r.contact_id = x.contact_id
    LEFT JOIN next_related n ON n.kind = x.kind AND n.contact_id = x.contact_id`;
}
