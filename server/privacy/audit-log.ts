/**
 * Writes the audit log (migration 006) before unmasked data leaves the server:
 * if the row cannot be written, the request fails instead of going unaudited.
 *
 * The insert runs on a reader connection, not the writer: the writer is held for
 * the whole of an ETL load (minutes for a big file), and an audit row must not
 * wait for it. DuckDB lets any connection append; appends to audit_log never
 * conflict with a load's transaction.
 */
import type { Principal } from '../auth/roles.ts';
import type { Warehouse } from '../db/warehouse.ts';

export interface AuditEntry {
  principal: Principal;
  action: string;
  target: string;
  detail?: unknown;
}

export async function audit(wh: Warehouse, e: AuditEntry): Promise<void> {
  await wh.query('INSERT INTO audit_log (subject, role, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [
    e.principal.subject, e.principal.role, e.action, e.target, e.detail === undefined ? null : JSON.stringify(e.detail),
  ]);
}
