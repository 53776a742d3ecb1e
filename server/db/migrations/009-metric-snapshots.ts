import type { Migration } from '../migrate.ts';

/**
 * Metric snapshots (server/metrics/snapshot): the settled units of each unit
 * family, stored so metric reads need not recompute them. `facts_generation` is
 * bumped by every facts refresh in its swap transaction; a snapshot built at
 * another generation is not used. The snapshot tables themselves (snap_<family>,
 * _open, _roll) follow the families' SQL and are created by the snapshot build,
 * like any derived cache; this table records what each was built from.
 */
export const migration: Migration = {
  version: 9,
  name: 'metric snapshots',
  sql: `
CREATE TABLE facts_generation (generation BIGINT NOT NULL);
INSERT INTO facts_generation VALUES (1);
CREATE TABLE metric_snapshots (
  family VARCHAR NOT NULL,              -- unit family (server/metrics/units)
  facts_generation BIGINT NOT NULL,     -- facts_generation.generation it was built at
  fingerprint VARCHAR NOT NULL,         -- the family's SQL and the policy and calendar rows it joins (snapshot-validity.ts)
  horizon TIMESTAMPTZ NOT NULL,         -- the latest event instant in the data: states hold for any as_of at or after it
  settled_units BIGINT NOT NULL,
  open_units BIGINT NOT NULL,
  open_min_start TIMESTAMPTZ,           -- earliest start of an open unit: reads compute live from there
  rollup_rows BIGINT NOT NULL,
  build_ms DOUBLE NOT NULL,
  built_at TIMESTAMPTZ NOT NULL
);
-- What facts refreshes recomputed since the snapshots were last all current
-- (written by each refresh while a snapshot exists, emptied by the build that
-- brings every family up to date): the units the next build recomputes.
CREATE TABLE snapshot_dirty_keys (customer_key VARCHAR NOT NULL);
CREATE TABLE snapshot_dirty_tickets (ticket_id VARCHAR NOT NULL);
CREATE TABLE snapshot_dirty_runs (run_id BIGINT NOT NULL);
`,
};
