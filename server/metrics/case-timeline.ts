/**
 * One contact and its customer's cross-channel timeline (GET /api/cases/{kind}/{id}):
 * what an auditor reads to decide whether a customer was left in silence. The
 * timeline holds every call, ticket event and complaint of the same customer key
 * within `around` days of the contact, up to as_of (nothing later is shown),
 * oldest first. Masking is the route's job (it knows the role).
 */
import type { Warehouse } from '../db/warehouse.ts';
import { CALL_KEY, complaintKeyOf } from '../../etl/facts/customer-key.ts';

export type ContactKind = 'call' | 'ticket' | 'complaint';

export interface TimelineItem {
  at: Date;
  /** Where the item comes from: a call attempt, a ticket event, a complaint record. */
  source: 'call' | 'ticket_event' | 'complaint';
  /** call_id, ticket_id or complaint_id. */
  id: string;
  /** Call outcome (or 'callback_connected'), ticket event type, or complaint step ('received', 'responded', 'closed'). */
  type: string;
  channel: string | null;
  actor: string | null;
  detail: Record<string, unknown>;
}

export interface CaseDetail {
  contact: Record<string, unknown>;
  customer_key: string;
  window: { from: Date; to: Date };
  timeline: TimelineItem[];
  truncated: boolean;
}

/** Timelines longer than this are cut (a bot-driven customer can have thousands of events). */
const MAX_ITEMS = 2000;

export async function caseDetail(wh: Warehouse, kind: ContactKind, id: string, asOf: Date, aroundDays: number): Promise<CaseDetail | undefined> {
  const [contact] = await wh.query(
    `SELECT kind, contact_id AS id, started_at, channel, queue, category, priority, agent, source, customer_key, order_id, outcome, wait_s,
       CASE WHEN first_response_at <= $3 THEN first_response_at END AS first_response_at,
       CASE WHEN resolved_at <= $3 THEN resolved_at END AS resolved_at,
       CASE WHEN next_related_at <= $3 THEN next_related_at END AS next_related_at
     FROM fact_contacts WHERE kind = $1 AND contact_id = $2 AND started_at <= $3`,
    [kind, id, asOf],
  );
  if (!contact) return undefined;
  const key = String(contact.customer_key);
  const started = contact.started_at as Date;
  const from = new Date(started.getTime() - aroundDays * 86_400_000);
  const until = new Date(Math.min(started.getTime() + aroundDays * 86_400_000, asOf.getTime()));
  const rows = (await wh.query(
    `SELECT * FROM (
      SELECT started_at AS "at", 'call' AS source, call_id AS id, outcome AS type, 'phone' AS channel, agent_id AS actor,
        json_object('queue', queue, 'caller', caller, 'customer_id', customer_id, 'order_id', order_id, 'wait_s', wait_s, 'talk_s', talk_s,
          'transferred', transferred, 'callback_requested_at', callback_requested_at, 'callback_at', callback_at) AS detail
      FROM calls WHERE ${CALL_KEY} = $1
      UNION ALL
      SELECT callback_at, 'call', call_id, 'callback_connected', 'phone', agent_id, json_object('callback_requested_at', callback_requested_at)
      FROM calls WHERE ${CALL_KEY} = $1 AND callback_at IS NOT NULL
      UNION ALL
      SELECT e.event_at, 'ticket_event', e.ticket_id, e."type", coalesce(e.channel, t.channel), e.actor,
        json_object('status', e.status, 'template_id', e.template_id, 'amount', e.amount, 'order_id', e.order_id, 'category', e.category, 'priority', e.priority)
      FROM ticket_events e JOIN fact_tickets t ON t.ticket_id = e.ticket_id WHERE t.customer_id = $1
      UNION ALL
      SELECT c.received_at, 'complaint', c.complaint_id, 'received', 'complaint', NULL,
        json_object('source', c.source, 'external_ref', c.external_ref, 'order_id', c.order_id, 'ticket_id', c.ticket_id, 'category', c.category,
          'amount', c.amount, 'deadline_at', c.deadline_at, 'outcome', c.outcome)
      FROM complaints c WHERE ${complaintKeyOf('c')} = $1
      UNION ALL
      SELECT c.first_response_at, 'complaint', c.complaint_id, 'responded', 'complaint', NULL, json_object()
      FROM complaints c WHERE ${complaintKeyOf('c')} = $1 AND c.first_response_at IS NOT NULL
      UNION ALL
      SELECT c.closed_at, 'complaint', c.complaint_id, 'closed', 'complaint', NULL, json_object('outcome', c.outcome)
      FROM complaints c WHERE ${complaintKeyOf('c')} = $1 AND c.closed_at IS NOT NULL
    ) WHERE "at" >= $2 AND "at" <= $3
    ORDER BY "at", source, id, "type"
    LIMIT ${MAX_ITEMS + 1}`,
    [key, from, until],
  )) as unknown as (Omit<TimelineItem, 'detail'> & { detail: string })[];
  return {
    contact,
    customer_key: key,
    window: { from, to: until },
    timeline: rows.slice(0, MAX_ITEMS).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })),
    truncated: rows.length > MAX_ITEMS,
  };
}
