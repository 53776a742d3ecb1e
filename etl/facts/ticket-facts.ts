/**
 * fact_tickets, fact_followups and fact_refunds for the tickets in scope, from
 * their events (METRICS.md "Silence", "First-contact resolution", "SLA
 * attainment"). Only events at or after the ticket's opened event count (the ETL
 * has rejected earlier ones already; this also covers an opened that arrives late).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ticketAttributeSnapshotsSql } from './ticket-attributes.ts';

const SCOPED_EVENTS = `(SELECT * FROM ticket_events WHERE ticket_id IN (SELECT ticket_id FROM scope_tickets))`;

/**
 * Computes the new rows into temporary tables (`new_fact_tickets`, ...). Run it
 * outside the refresh's transaction: DuckDB's ASOF join over a temporary table
 * created inside the same transaction was 1,000x slower (68 s against 60 ms).
 * `ticket_facts_next` shows fact_tickets as it will be after applyTicketFacts.
 */
export async function prepareTicketFacts(c: DuckDBConnection): Promise<void> {
  await c.run(`CREATE OR REPLACE TEMP TABLE ev AS
    SELECT e.*, o.opened_at FROM ${SCOPED_EVENTS} e
    JOIN (SELECT ticket_id, min(event_at) AS opened_at FROM ${SCOPED_EVENTS} WHERE "type" = 'opened' GROUP BY ticket_id) o
      USING (ticket_id)
    WHERE e.event_at >= o.opened_at`);
  await c.run(`CREATE OR REPLACE TEMP TABLE new_fact_ticket_attrs AS ${ticketAttributeSnapshotsSql('ev')}`);
  // Column order is fact_tickets' (attrs_changed_at was added last, by migration 008).
  await c.run(`CREATE OR REPLACE TEMP TABLE new_fact_tickets AS
    SELECT f.*, coalesce(p.pauses, []) AS pauses, h.last_change AS attrs_changed_at
    FROM (${ticketRowsSql()}) f LEFT JOIN (${pausesSql()}) p USING (ticket_id)
    LEFT JOIN (SELECT ticket_id, max(valid_from) AS last_change FROM new_fact_ticket_attrs GROUP BY ticket_id) h USING (ticket_id)`);
  await c.run(`CREATE OR REPLACE TEMP TABLE new_fact_followups AS ${followupsSql()}`);
  await c.run(`CREATE OR REPLACE TEMP TABLE new_fact_refunds AS ${refundsSql()}`);
  await c.run(`CREATE OR REPLACE TEMP VIEW ticket_facts_next AS
    SELECT * FROM fact_tickets WHERE ticket_id NOT IN (SELECT ticket_id FROM scope_tickets)
    UNION ALL SELECT * FROM new_fact_tickets`);
}

/** Each ticket fact table and the instant metric queries select its rows by. */
const FACT_START = [['fact_tickets', 'opened_at'], ['fact_followups', 'message_at'], ['fact_refunds', 'requested_at'], ['fact_ticket_attrs', 'valid_from']] as const;

/** Replaces the scoped tickets' facts (inside the refresh's transaction). */
export async function applyTicketFacts(c: DuckDBConnection): Promise<void> {
  for (const [t, start] of FACT_START) {
    await c.run(`DELETE FROM ${t} WHERE ticket_id IN (SELECT ticket_id FROM scope_tickets)`);
    // In time order: metric queries read a date range, and DuckDB skips whole row
    // groups whose min/max instant is outside it (see contact-facts.ts).
    await c.run(`INSERT INTO ${t} SELECT * FROM new_${t} ORDER BY ${start}`);
  }
}

/** One row per ticket; `arg_max(x, at) FILTER (x IS NOT NULL)` is "the latest non-empty x". */
function ticketRowsSql(): string {
  return `
    SELECT a.ticket_id, a.opened_at, a.channel, a.customer_id, a.order_id, a.category, a.priority,
      coalesce(a.first_reply_actor, a.last_assignee) AS agent,
      a.first_reply_at, a.first_untemplated_reply_at, a.first_resolved_at, a.first_transfer_at,
      (SELECT min(r.event_at) FROM ev r WHERE r.ticket_id = a.ticket_id AND r."type" = 'reopened' AND r.event_at >= a.first_resolved_at)
        AS first_reopen_after_resolve_at,
      a.closed_at, a.reopen_count, a.transfer_count
    FROM (
      SELECT ticket_id, any_value(opened_at) AS opened_at,
        arg_max(channel, event_at) FILTER (channel IS NOT NULL) AS channel,
        arg_max(customer_id, event_at) FILTER (customer_id IS NOT NULL) AS customer_id,
        arg_max(order_id, event_at) FILTER (order_id IS NOT NULL) AS order_id,
        arg_max(category, event_at) FILTER (category IS NOT NULL) AS category,
        coalesce(arg_max(priority, event_at) FILTER (priority IS NOT NULL), 'normal') AS priority,
        arg_min(actor, event_at) FILTER ("type" = 'agent_reply') AS first_reply_actor,
        arg_max(actor, event_at) FILTER ("type" = 'assigned' AND actor IS NOT NULL) AS last_assignee,
        min(event_at) FILTER ("type" = 'agent_reply') AS first_reply_at,
        min(event_at) FILTER ("type" = 'agent_reply' AND template_id IS NULL) AS first_untemplated_reply_at,
        min(event_at) FILTER ("type" = 'resolved') AS first_resolved_at,
        min(event_at) FILTER ("type" IN ('transferred', 'escalated')) AS first_transfer_at,
        min(event_at) FILTER ("type" = 'closed') AS closed_at,
        count(*) FILTER ("type" = 'reopened')::INTEGER AS reopen_count,
        count(*) FILTER ("type" IN ('transferred', 'escalated'))::INTEGER AS transfer_count
      FROM ev GROUP BY ticket_id
    ) a`;
}

/**
 * Pauses (METRICS.md "SLA attainment"): from a status event with `pending` until
 * the next status event with another value, customer_message, reopened or
 * resolved. Consecutive pending statuses share their end, so grouping on the end
 * merges them into one interval. At equal instants the pause comes first, so a
 * message at the same second ends it at once.
 */
function pausesSql(): string {
  return `
    SELECT ticket_id, list(struct_pack(s := s, e := e) ORDER BY s) AS pauses FROM (
      SELECT ticket_id, min(event_at) AS s, next_end AS e FROM (
        SELECT ticket_id, event_at, is_pause,
          min(CASE WHEN NOT is_pause THEN event_at END) OVER (
            PARTITION BY ticket_id ORDER BY event_at, is_pause DESC, event_key
            ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_end
        FROM (
          SELECT ticket_id, event_at, event_key, ("type" = 'status' AND status = 'pending') AS is_pause FROM ev
          WHERE "type" IN ('status', 'customer_message', 'reopened', 'resolved')
        )
      ) WHERE is_pause GROUP BY ticket_id, next_end
    ) GROUP BY ticket_id`;
}

function followupsSql(): string {
  return `
    SELECT m.ticket_id, m.event_at AS message_at, r.event_at AS next_reply_at
    FROM (SELECT ticket_id, event_at FROM ev WHERE "type" = 'customer_message') m
    ASOF LEFT JOIN (SELECT ticket_id, event_at FROM ev WHERE "type" = 'agent_reply') r
      ON m.ticket_id = r.ticket_id AND r.event_at >= m.event_at`;
}

/**
 * Requests (+1) and completions (-1) in time order; the number of open requests
 * before an event is the running sum floored at zero (S - min(0, running min S)).
 * A completion with an open request closes one, and since the earliest open
 * request is always closed first, the n-th valid completion closes the n-th
 * request.
 */
function refundsSql(): string {
  return `
    WITH steps AS (
      SELECT ticket_id, event_at, amount, d,
        row_number() OVER (PARTITION BY ticket_id ORDER BY event_at, d DESC, event_key) AS k
      FROM (SELECT *, CASE WHEN "type" = 'refund_requested' THEN 1 ELSE -1 END AS d FROM ev
            WHERE "type" IN ('refund_requested', 'refund_completed'))
    ),
    sums AS (SELECT *, sum(d) OVER (PARTITION BY ticket_id ORDER BY k) AS s FROM steps),
    open_after AS (SELECT *, s - least(0, min(s) OVER (PARTITION BY ticket_id ORDER BY k)) AS open_n FROM sums),
    marked AS (SELECT *, coalesce(lag(open_n) OVER (PARTITION BY ticket_id ORDER BY k), 0) AS open_before FROM open_after),
    requests AS (SELECT ticket_id, event_at, amount, row_number() OVER (PARTITION BY ticket_id ORDER BY k) AS n FROM marked WHERE d = 1),
    completions AS (SELECT ticket_id, event_at, row_number() OVER (PARTITION BY ticket_id ORDER BY k) AS n
                    FROM marked WHERE d = -1 AND open_before > 0)
    SELECT q.ticket_id, q.n::INTEGER AS seq, q.event_at AS requested_at, c.event_at AS completed_at, q.amount
    FROM requests q LEFT JOIN completions c ON c.ticket_id = q.ticket_id AND c.n = q.n`;
}
