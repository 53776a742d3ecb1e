/**
 * Kysely table types of the warehouse (the migrations in ./migrations are the
 * source of truth; keep these in step). Instants come back as Date, BIGINT as
 * number (see duckdb-values.ts), DECIMAL as number.
 */
import type { Generated } from 'kysely';
import type { PolicyTables } from '../policies/policy-tables.ts';

export interface CallsTable {
  call_id: string;
  started_at: Date;
  queue: string;
  ivr_option: string | null;
  caller: string | null;
  customer_id: string | null;
  order_id: string | null;
  category: string | null;
  priority: string;
  outcome: string;
  wait_s: number | null;
  talk_s: number | null;
  agent_id: string | null;
  transferred: boolean | null;
  callback_requested_at: Date | null;
  callback_at: Date | null;
  extra: unknown;
  run_id: number;
  source_line: number;
}

export interface TicketEventsTable {
  event_key: string;
  ticket_id: string;
  event_id: string | null;
  event_at: Date;
  type: string;
  channel: string | null;
  actor: string | null;
  customer_id: string | null;
  order_id: string | null;
  category: string | null;
  priority: string | null;
  status: string | null;
  template_id: string | null;
  amount: number | null;
  extra: unknown;
  run_id: number;
  source_line: number;
}

export interface ComplaintsTable {
  complaint_id: string;
  received_at: Date;
  source: string;
  external_ref: string | null;
  customer_id: string | null;
  order_id: string | null;
  ticket_id: string | null;
  category: string | null;
  amount: number | null;
  deadline_at: Date | null;
  first_response_at: Date | null;
  closed_at: Date | null;
  outcome: string | null;
  extra: unknown;
  run_id: number;
  source_line: number;
}

export type RunStatus = 'running' | 'loaded' | 'unchanged' | 'refused' | 'failed';

export interface EtlRunsTable {
  run_id: Generated<number>;
  kind: string;
  source_file: string;
  file_name: string;
  file_hash: string | null;
  file_bytes: number | null;
  format: string | null;
  compression: string | null;
  encoding: string | null;
  trigger: string;
  started_at: Date;
  finished_at: Date | null;
  status: RunStatus;
  same_as_run: number | null;
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_replaced: Generated<number>;
  rows_rejected: Generated<number>;
  rows_duplicate: Generated<number>;
  rows_retracted: Generated<number>;
  error: string | null;
  error_line: number | null;
  error_offset: number | null;
}

export interface EtlRejectsTable {
  run_id: number;
  kind: string;
  source_line: number | null;
  rule: string;
  rules: string[];
  message: string;
  raw: unknown;
  retracted_from_run: number | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface Database extends PolicyTables {
  calls: CallsTable;
  ticket_events: TicketEventsTable;
  complaints: ComplaintsTable;
  etl_runs: EtlRunsTable;
  etl_rejects: EtlRejectsTable;
  schema_migrations: SchemaMigrationsTable;
}
