// Serialisation to the canonical columns of FORMATS.md §1–3. Instants are
// written with the zone's offset in calls and ticket events, and as
// platform-local wall time (no offset, like an Excel export) in complaints, so
// both timestamp paths of the ETL get exercised.
import type { ZoneClock } from './calendar.js';
import type { ComplaintRecord } from './complaints-gen.js';
import type { CallRecord, TicketEvent, TicketRecord } from './model.js';

export const CALL_COLUMNS = [
  'call_id', 'started_at', 'queue', 'ivr_option', 'caller', 'customer_id', 'order_id', 'category',
  'priority', 'outcome', 'wait_s', 'talk_s', 'agent_id', 'transferred', 'callback_requested_at', 'callback_at',
];
// `summary` is not canonical: the ETL keeps it as an unknown column. It sits in
// the middle on purpose, since columns are matched by name, not position.
export const COMPLAINT_COLUMNS = [
  'complaint_id', 'received_at', 'source', 'external_ref', 'customer_id', 'order_id', 'ticket_id',
  'category', 'summary', 'amount', 'deadline_at', 'first_response_at', 'closed_at', 'outcome',
];

const NEEDS_QUOTES = /[",\n\r]/;

/** RFC 4180 quoting: only fields with a delimiter, quote or line break are quoted. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
}

export function csvLine(fields: readonly string[]): string {
  let line = csvField(fields[0] ?? '');
  for (let i = 1; i < fields.length; i++) line += ',' + csvField(fields[i]!);
  return line + '\n';
}

export function csvHeader(columns: readonly string[]): string {
  return columns.join(',') + '\n';
}

function num(v: number | null): string {
  return v === null ? '' : String(v);
}

function ts(clock: ZoneClock, t: number | null, withOffset: boolean): string {
  return t === null ? '' : clock.format(t, withOffset);
}

export function callLine(clock: ZoneClock, id: string, r: CallRecord): string {
  const i = r.issue;
  return csvLine([
    id, ts(clock, r.startedAt, true), i.queue, r.ivr, r.showCaller ? i.phone : '', r.showCustomer ? i.customerId : '',
    i.orderId, r.showCategory ? i.category : '', r.showPriority ? i.priority : '', r.outcome,
    num(r.waitS), num(r.talkS), r.agent, r.transferred ? 'true' : 'false',
    ts(clock, r.callbackRequestedAt, true), ts(clock, r.callbackAt, true),
  ]);
}

/** Ids and free values are generated ASCII, so JSON.stringify is only needed as a guard. */
function jsonString(v: string): string {
  return /^[\w.:+ -]*$/.test(v) ? '"' + v + '"' : JSON.stringify(v);
}

/** One JSON Lines object; empty fields are omitted. */
export function ticketEventLine(clock: ZoneClock, t: TicketRecord, e: TicketEvent, seq: number): string {
  let s = '{"ticket_id":"' + t.id + '","event_id":"' + t.id + '-' + String(seq).padStart(2, '0') +
    '","at":"' + clock.format(e.at, true) + '","type":"' + e.type + '"';
  if (e.type === 'opened') s += ',"channel":"' + t.channel + '","customer_id":' + jsonString(t.issue.customerId);
  if (e.actor) s += ',"actor":' + jsonString(e.actor);
  if (e.orderId) s += ',"order_id":' + jsonString(e.orderId);
  if (e.category) s += ',"category":' + jsonString(e.category);
  if (e.priority) s += ',"priority":' + jsonString(e.priority);
  if (e.status) s += ',"status":' + jsonString(e.status);
  if (e.templateId) s += ',"template_id":' + jsonString(e.templateId);
  if (e.amount !== undefined) s += ',"amount":' + e.amount.toFixed(2);
  return s + '}\n';
}

export function complaintLine(clock: ZoneClock, c: ComplaintRecord): string {
  return csvLine([
    c.complaintId, ts(clock, c.receivedAt, false), c.source, c.externalRef, c.customerId, c.orderId, c.ticketId,
    c.category, c.summary, c.amount === null ? '' : c.amount.toFixed(2),
    ts(clock, c.deadlineAt, false), ts(clock, c.firstResponseAt, false), ts(clock, c.closedAt, false), c.outcome,
  ]);
}
