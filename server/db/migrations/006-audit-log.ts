import type { Migration } from '../migrate.ts';

/**
 * The audit log (DESIGN.md "Roles and privacy": every unmasked view, export and
 * SQL query is written to an append-only log). Only server/privacy/audit-log.ts
 * writes it, by INSERT; nothing in the product updates or deletes its rows.
 */
export const migration: Migration = {
  version: 6,
  name: 'audit log',
  sql: `
CREATE SEQUENCE audit_log_seq;
CREATE TABLE audit_log (
  audit_id BIGINT NOT NULL DEFAULT nextval('audit_log_seq'),
  logged_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
  subject VARCHAR NOT NULL,             -- principal subject, e.g. 'local-admin'
  role VARCHAR NOT NULL,
  action VARCHAR NOT NULL,              -- e.g. 'cases.unmasked', 'case.unmasked'
  target VARCHAR NOT NULL,              -- what was seen: a request path and query, or a case
  detail JSON                           -- e.g. the case ids returned
);
`,
};
