import type { Migration } from '../migrate.ts';

/**
 * The ETL's run log and rejects (DESIGN.md "Data flow", steps 3–4).
 *
 * One `etl_runs` row per file load. Invariant for every finished run:
 * rows_read = rows_loaded + rows_rejected + rows_duplicate; rows_replaced counts
 * the loaded rows that replaced an older version of the same natural key.
 * rows_retracted counts rows loaded by *earlier* runs that this run showed to be
 * invalid (a ticket event found to precede its ticket's late-arriving `opened`),
 * moved to etl_rejects by this run.
 */
export const migration: Migration = {
  version: 2,
  name: 'etl run log and rejects',
  sql: `
CREATE SEQUENCE etl_run_id_seq START 1;

CREATE TABLE etl_runs (
  run_id BIGINT PRIMARY KEY DEFAULT nextval('etl_run_id_seq'),
  kind VARCHAR NOT NULL,             -- calls | ticket_events | complaints
  source_file VARCHAR NOT NULL,      -- absolute path at load time
  file_name VARCHAR NOT NULL,
  file_hash VARCHAR,                 -- sha256 of the file's bytes, hex
  file_bytes BIGINT,
  format VARCHAR,                    -- csv | jsonl | parquet
  compression VARCHAR,               -- none | gzip
  encoding VARCHAR,                  -- utf-8 | utf-8-bom | gb18030 | binary
  trigger VARCHAR NOT NULL,          -- cli | inbox | api | demo
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,           -- running | loaded | unchanged | refused | failed
  same_as_run BIGINT,                -- for 'unchanged': the run that loaded this content
  rows_read BIGINT NOT NULL DEFAULT 0,
  rows_loaded BIGINT NOT NULL DEFAULT 0,
  rows_replaced BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  rows_duplicate BIGINT NOT NULL DEFAULT 0,
  rows_retracted BIGINT NOT NULL DEFAULT 0,
  error VARCHAR,
  error_line BIGINT,
  error_offset BIGINT
);

CREATE TABLE etl_rejects (
  run_id BIGINT NOT NULL,
  kind VARCHAR NOT NULL,
  source_line BIGINT,                -- line in the run's file; for retractions, the line in the earlier file
  rule VARCHAR NOT NULL,             -- the first rule the row broke, e.g. 'missing_required'
  rules VARCHAR[] NOT NULL,          -- every rule it broke
  message VARCHAR NOT NULL,          -- human-readable reason naming the column
  raw JSON NOT NULL,                 -- the row as read: original column names, text values
  retracted_from_run BIGINT          -- set when the row had been loaded by that earlier run
);
`,
};
