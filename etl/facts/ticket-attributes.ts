/**
 * A ticket's attributes as they stood over time (FORMATS.md: "the latest
 * non-empty value among its events up to the instant of evaluation, so a later
 * event can re-categorise or re-prioritise a ticket"). fact_tickets holds the
 * latest values; fact_ticket_attrs holds one snapshot per instant at which they
 * changed, for the few tickets whose attributes changed after opening, so a
 * metric evaluated as of an earlier instant groups, filters and picks SLA targets
 * by the values then (server/metrics/units/ticket-attrs-asof.ts).
 *
 * The agent follows fact_tickets: the actor of the first agent_reply, else the
 * last assignee, each as of the instant. The customer is not here: contacts are
 * linked across channels by the latest customer_id (etl/facts/contact-facts.ts).
 */

/** Snapshot columns, in table order after ticket_id and valid_from. */
export const ATTRIBUTE_COLUMNS = ['channel', 'order_id', 'category', 'priority', 'agent'] as const;

/**
 * SQL of the snapshots of the tickets in `events` (rows of ticket_events at or
 * after their opened): every event instant with the values after all events of
 * that instant, consecutive equal snapshots merged, and only tickets with more
 * than one snapshot kept. Same-instant events are ordered by event_key, as in
 * the pauses.
 */
export function ticketAttributeSnapshotsSql(events: string): string {
  return `
    WITH running AS (
      SELECT ticket_id, event_at,
        last_value(channel IGNORE NULLS) OVER w AS channel,
        last_value(order_id IGNORE NULLS) OVER w AS order_id,
        last_value(category IGNORE NULLS) OVER w AS category,
        coalesce(last_value(priority IGNORE NULLS) OVER w, 'normal') AS priority,
        coalesce(first_value(CASE WHEN "type" = 'agent_reply' THEN actor END IGNORE NULLS) OVER w,
                 last_value(CASE WHEN "type" = 'assigned' THEN actor END IGNORE NULLS) OVER w) AS agent,
        row_number() OVER (PARTITION BY ticket_id, event_at ORDER BY event_key DESC) AS nth_from_last
      FROM ${events}
      WINDOW w AS (PARTITION BY ticket_id ORDER BY event_at, event_key ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    ),
    per_instant AS (SELECT * EXCLUDE (nth_from_last) FROM running WHERE nth_from_last = 1),
    changes AS (
      SELECT * FROM (
        SELECT *, (channel, order_id, category, priority, agent) IS DISTINCT FROM
          lag((channel, order_id, category, priority, agent)) OVER (PARTITION BY ticket_id ORDER BY event_at) AS changed
        FROM per_instant)
      WHERE changed
    )
    SELECT ticket_id, event_at AS valid_from, ${ATTRIBUTE_COLUMNS.join(', ')}
    FROM changes
    WHERE ticket_id IN (SELECT ticket_id FROM changes GROUP BY ticket_id HAVING count(*) > 1)`;
}
