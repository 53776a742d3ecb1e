/**
 * FORMATS.md section 2: one row per ticket event. The rule "a ticket's first event
 * by time must be opened" spans rows and files; it is applied by
 * etl/load/ticket-order-rule.ts, not here.
 */
import { PRIORITIES, type SourceSpec } from './source-spec.ts';

export const TICKET_EVENT_TYPES = [
  'opened', 'customer_message', 'agent_reply', 'bot_reply', 'internal_note', 'assigned', 'transferred',
  'escalated', 'status', 'resolved', 'reopened', 'closed', 'refund_requested', 'refund_completed',
] as const;

export const TICKET_STATUSES = ['open', 'pending', 'on_hold'] as const;

export const ticketEventsSource: SourceSpec = {
  kind: 'ticket_events',
  table: 'ticket_events',
  // The format names this key when event_id is absent; the instant is written as
  // epoch microseconds so the key does not depend on any time zone setting.
  keyExpr: `coalesce(event_id, ticket_id || '|' || epoch_us(event_at)::VARCHAR || '|' || "type" || '|' || coalesce(actor, ''))`,
  keyColumn: 'event_key',
  renames: { at: 'event_at' },
  columns: [
    { name: 'ticket_id', type: 'text', required: true },
    { name: 'event_id', type: 'text' },
    { name: 'at', type: 'timestamp', required: true },
    { name: 'type', type: 'code', required: true, values: TICKET_EVENT_TYPES, valuesRule: 'unknown_type' },
    { name: 'channel', type: 'code' },
    { name: 'actor', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'order_id', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'priority', type: 'code', values: PRIORITIES, valuesRule: 'invalid_priority' },
    { name: 'status', type: 'code', values: TICKET_STATUSES, valuesRule: 'invalid_status' },
    { name: 'template_id', type: 'text' },
    { name: 'amount', type: 'amount' },
  ],
  rules: [
    { id: 'opened_without_channel', message: 'channel is required on an opened event', failsWhen: `type = 'opened' AND channel IS NULL` },
    {
      id: 'opened_without_customer',
      message: 'customer_id is required on an opened event',
      failsWhen: `type = 'opened' AND customer_id IS NULL`,
    },
    { id: 'status_without_status', message: 'status is required on a status event', failsWhen: `type = 'status' AND status IS NULL` },
    { id: 'reply_without_actor', message: 'agent_reply needs an actor', failsWhen: `type = 'agent_reply' AND actor IS NULL` },
  ],
};
