import type { Migration } from '../migrate.ts';

/**
 * Ticket attributes as of an instant (FORMATS.md section 2: "the latest non-empty
 * value among its events up to the instant of evaluation"): snapshots for the
 * tickets whose attributes changed after opening, and on fact_tickets the instant
 * of the last change, so metric SQL looks history up only for tickets that
 * changed after as_of. etl/facts/ticket-attributes.ts writes them from now on;
 * existing tickets are filled here by a frozen copy of its SQL (a migration must
 * keep meaning what it meant when it ran).
 */
export const migration: Migration = {
  version: 8,
  name: 'ticket attribute history',
  sql: `
CREATE TABLE fact_ticket_attrs (
  ticket_id VARCHAR NOT NULL,
  valid_from TIMESTAMPTZ NOT NULL,   -- the values hold from this event instant until the next snapshot
  channel VARCHAR,
  order_id VARCHAR,
  category VARCHAR,
  priority VARCHAR NOT NULL,
  agent VARCHAR
);
ALTER TABLE fact_tickets ADD COLUMN attrs_changed_at TIMESTAMPTZ;  -- last snapshot's valid_from; NULL when never changed
INSERT INTO fact_ticket_attrs
  WITH ev AS (SELECT e.* FROM ticket_events e JOIN fact_tickets t USING (ticket_id) WHERE e.event_at >= t.opened_at),
  running AS (
    SELECT ticket_id, event_at,
      last_value(channel IGNORE NULLS) OVER w AS channel,
      last_value(order_id IGNORE NULLS) OVER w AS order_id,
      last_value(category IGNORE NULLS) OVER w AS category,
      coalesce(last_value(priority IGNORE NULLS) OVER w, 'normal') AS priority,
      coalesce(first_value(CASE WHEN "type" = 'agent_reply' THEN actor END IGNORE NULLS) OVER w,
               last_value(CASE WHEN "type" = 'assigned' THEN actor END IGNORE NULLS) OVER w) AS agent,
      row_number() OVER (PARTITION BY ticket_id, event_at ORDER BY event_key DESC) AS nth_from_last
    FROM ev
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
  SELECT ticket_id, event_at AS valid_from, channel, order_id, category, priority, agent
  FROM changes
  WHERE ticket_id IN (SELECT ticket_id FROM changes GROUP BY ticket_id HAVING count(*) > 1)
  ORDER BY ticket_id, valid_from;
UPDATE fact_tickets t SET attrs_changed_at = m.last_change
  FROM (SELECT ticket_id, max(valid_from) AS last_change FROM fact_ticket_attrs GROUP BY ticket_id) m
  WHERE m.ticket_id = t.ticket_id;
`,
};
