import type { Migration } from '../migrate.ts';

/**
 * Derived facts (DESIGN.md "Data flow" 5; issue 3 item 1): narrow rows with the
 * instants every metric needs, so metric queries only aggregate. Maintained by
 * server/facts/refresh-facts.ts for the customers a load touched, never rebuilt
 * whole on a load.
 *
 * Instants that depend on what happened later (first reply, next contact) are
 * stored as "the first one ever seen"; a metric evaluated as of an earlier
 * instant ignores any that fall after it, which is exact because each is the
 * first of its kind after the contact started.
 */
export const migration: Migration = {
  version: 5,
  name: 'derived facts',
  sql: `
-- One row per ticket that has an opened event. Attributes are the latest
-- non-empty value among its events (FORMATS.md section 2).
CREATE TABLE fact_tickets (
  ticket_id VARCHAR NOT NULL,
  opened_at TIMESTAMPTZ NOT NULL,
  channel VARCHAR,
  customer_id VARCHAR,
  order_id VARCHAR,
  category VARCHAR,
  priority VARCHAR NOT NULL,
  agent VARCHAR,                        -- actor of the first agent_reply, else the last assignee
  first_reply_at TIMESTAMPTZ,           -- first agent_reply at or after opened
  first_untemplated_reply_at TIMESTAMPTZ,
  first_resolved_at TIMESTAMPTZ,
  first_transfer_at TIMESTAMPTZ,        -- first transferred or escalated
  first_reopen_after_resolve_at TIMESTAMPTZ,
  closed_at TIMESTAMPTZ,
  reopen_count INTEGER NOT NULL,
  transfer_count INTEGER NOT NULL,
  pauses STRUCT(s TIMESTAMPTZ, e TIMESTAMPTZ)[] NOT NULL  -- waiting on the customer; e NULL while open
);

-- Every follow-up customer_message of an opened ticket, with the first agent
-- reply at or after it.
CREATE TABLE fact_followups (
  ticket_id VARCHAR NOT NULL,
  message_at TIMESTAMPTZ NOT NULL,
  next_reply_at TIMESTAMPTZ
);

-- Refund requests paired with the completion that closes each (METRICS.md "SLA
-- attainment": each completion closes the earliest request still open).
CREATE TABLE fact_refunds (
  ticket_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  amount DECIMAL(18, 2)
);

-- One row per contact of every kind (METRICS.md "Contacts"): every call attempt
-- (short abandons included, flagged by the metric's policy), every opened ticket,
-- every complaint.
CREATE TABLE fact_contacts (
  kind VARCHAR NOT NULL,                -- call | ticket | complaint
  contact_id VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  channel VARCHAR NOT NULL,             -- 'phone' for calls, the ticket's channel, 'complaint'
  queue VARCHAR,
  category VARCHAR,
  priority VARCHAR,
  agent VARCHAR,
  source VARCHAR,
  customer_key VARCHAR NOT NULL,        -- customer_id, else the caller, else the contact itself
  order_id VARCHAR,
  outcome VARCHAR,                      -- calls
  wait_s DOUBLE,                        -- calls
  first_response_at TIMESTAMPTZ,        -- METRICS.md "human response", first at or after the start
  resolved_at TIMESTAMPTZ,              -- ticket: first resolved; answered call: its end
  next_related_at TIMESTAMPTZ           -- first other contact about the same issue starting after resolved_at
);

-- What the next refresh must recompute: runs whose rows are not yet in the facts,
-- and keys whose rows were replaced or retracted (their old key may differ).
CREATE TABLE facts_dirty_runs (run_id BIGINT NOT NULL);
CREATE TABLE facts_dirty_keys (customer_key VARCHAR NOT NULL);
CREATE TABLE facts_dirty_tickets (ticket_id VARCHAR NOT NULL);
`,
};
