import type { Migration } from '../migrate.ts';

/**
 * Core tables of FORMATS.md sections 1–3, one row per natural key (the ETL
 * enforces uniqueness; no PRIMARY KEY because DuckDB's ART index slows bulk loads
 * of tens of millions of rows and checks constraints too eagerly inside a
 * delete-then-insert transaction).
 *
 * Every row keeps its provenance: `run_id` (-> etl_runs: file, content hash),
 * `source_line` (line number in the file, header = line 1; for Parquet the row
 * number) and `extra` (unknown columns of the file, as JSON, never dropped).
 * Whether a row is an exact duplicate is decided by hashing the typed values when
 * a key comes again (etl/load/upsert.ts), not stored per row: a 64-bit hash of
 * every row cost 2 s more per 10 M rows to compute and write.
 * Instants are TIMESTAMPTZ (UTC); bucketing converts to the platform zone.
 */
export const migration: Migration = {
  version: 1,
  name: 'core tables',
  sql: `
CREATE TABLE calls (
  call_id VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  queue VARCHAR NOT NULL,
  ivr_option VARCHAR,
  caller VARCHAR,
  customer_id VARCHAR,
  order_id VARCHAR,
  category VARCHAR,
  priority VARCHAR NOT NULL,
  outcome VARCHAR NOT NULL,
  wait_s DOUBLE,
  talk_s DOUBLE,
  agent_id VARCHAR,
  transferred BOOLEAN,
  callback_requested_at TIMESTAMPTZ,
  callback_at TIMESTAMPTZ,
  extra JSON,
  run_id BIGINT NOT NULL,
  source_line BIGINT NOT NULL
);

CREATE TABLE ticket_events (
  event_key VARCHAR NOT NULL,       -- event_id, else ticket_id|at|type|actor (FORMATS.md section 2)
  ticket_id VARCHAR NOT NULL,
  event_id VARCHAR,
  event_at TIMESTAMPTZ NOT NULL,  -- the format's 'at' column (AT is a keyword in DuckDB)
  type VARCHAR NOT NULL,
  channel VARCHAR,
  actor VARCHAR,
  customer_id VARCHAR,
  order_id VARCHAR,
  category VARCHAR,
  priority VARCHAR,                 -- as given; the ticket's default 'normal' is applied when facts are derived
  status VARCHAR,
  template_id VARCHAR,
  amount DECIMAL(18, 2),
  extra JSON,
  run_id BIGINT NOT NULL,
  source_line BIGINT NOT NULL
);

CREATE TABLE complaints (
  complaint_id VARCHAR NOT NULL,
  received_at TIMESTAMPTZ NOT NULL,
  source VARCHAR NOT NULL,
  external_ref VARCHAR,
  customer_id VARCHAR,
  order_id VARCHAR,
  ticket_id VARCHAR,
  category VARCHAR,
  amount DECIMAL(18, 2),
  deadline_at TIMESTAMPTZ,
  first_response_at TIMESTAMPTZ,
  closed_at TIMESTAMPTZ,
  outcome VARCHAR,
  extra JSON,
  run_id BIGINT NOT NULL,
  source_line BIGINT NOT NULL
);
`,
};
