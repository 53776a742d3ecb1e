/**
 * The customer key (METRICS.md "Contacts"): customer_id; for a call without one,
 * the caller number. A contact with neither is related to nothing, so it gets a
 * key of its own (prefixed so it can never equal a real id).
 */
export const CALL_KEY = `coalesce(customer_id, caller, 'call:' || call_id)`;
export const COMPLAINT_KEY = `coalesce(customer_id, 'complaint:' || complaint_id)`;
// A ticket's customer_id is required on its opened event, so it always has one.
export const TICKET_KEY = 'customer_id';

/** COMPLAINT_KEY over a table alias, for queries that join complaints. */
export const complaintKeyOf = (alias: string) => `coalesce(${alias}.customer_id, 'complaint:' || ${alias}.complaint_id)`;
