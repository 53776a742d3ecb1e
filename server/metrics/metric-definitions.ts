/**
 * Every metric id of METRICS.md ("Metric ids"), with its definition. A frozen
 * registry: the API lists it (GET /api/metrics/definitions), and the metric
 * engine compiles each entry by its shape.
 */
import type { Dimension, MetricDefinition } from './metric-types.ts';

// hour_of_week applies wherever a unit has a start instant; wait_band only to calls (derived-dimensions.ts);
// outcome only to complaint metrics (as of as_of: `open` until closed).
const CONTACT_DIMS: readonly Dimension[] = ['channel', 'queue', 'priority', 'category', 'agent', 'source', 'hour_of_week'];
const TICKET_DIMS: readonly Dimension[] = ['channel', 'priority', 'category', 'agent', 'hour_of_week'];
const CALL_DIMS: readonly Dimension[] = ['channel', 'queue', 'priority', 'category', 'hour_of_week', 'wait_band'];
const ANSWERED_CALL_DIMS: readonly Dimension[] = [...CALL_DIMS, 'agent'];
const COMPLAINT_DIMS: readonly Dimension[] = ['source', 'category', 'outcome', 'hour_of_week'];

const SILENCE = 'Silence (沉默率)';
const FCR = 'First-contact resolution';
const SLA = 'SLA attainment';
const PHONE = 'Phone (queue) metrics';
const COMPLAINTS = 'Complaints';

type Entry = Omit<MetricDefinition, 'version'> & { version?: number };

const phoneRate = (id: string, zh: string, en: string, definition: string, settings: string[] = ['short_abandon_s']): Entry => ({
  id, name: { zh, en }, definition, unit: 'ratio', shape: 'rate', dimensions: CALL_DIMS, settings, section: PHONE,
});

const ENTRIES: Entry[] = [
  {
    id: 'silence_rate', name: { zh: '沉默率', en: 'Silence rate' }, section: SILENCE, unit: 'ratio', shape: 'rate', dimensions: CONTACT_DIMS,
    settings: ['silence_window', 'short_abandon_s', 'complaint_response_deadline'],
    definition: 'Silent contacts ÷ mature contacts (silent + not silent; pending excluded). A ticket is silent when no agent_reply comes at or after its opened event within the silence window. A call attempt that was not answered (abandoned with wait_s ≥ short_abandon_s, timeout, busy, unreachable, callback) is silent when its customer receives no human response on any channel (answered call, connected callback, agent reply on any of their tickets) in (started_at, started_at + window]; answered calls are never silent. A complaint is silent when it has no first_response_at within its deadline (deadline_at, else the per-source default). Short abandons are not contacts.',
  },
  {
    id: 'followup_silence_rate', name: { zh: '跟进沉默率', en: 'Follow-up silence' }, section: SILENCE, unit: 'ratio', shape: 'rate', dimensions: TICKET_DIMS,
    settings: ['silence_window'],
    definition: 'Tickets dropped midway ÷ mature tickets with follow-up messages. A follow-up customer_message is unanswered when no agent_reply comes in [message, message + window] and that window has passed. A ticket is follow-up silent as soon as one follow-up is unanswered, not follow-up silent when every follow-up was answered within its window, otherwise pending. Tickets without follow-up messages are left out.',
  },
  {
    id: 'template_only_rate', name: { zh: '模板敷衍率', en: 'Template-only' }, section: SILENCE, unit: 'ratio', shape: 'rate', dimensions: TICKET_DIMS,
    settings: ['silence_window'],
    definition: 'Tickets that got at least one agent_reply within the window after opened, all of whose agent replies within the window have a template_id, and that were not resolved within the window ÷ tickets with at least one agent reply within the window. Such a ticket is pending while its window is open, it is not resolved and every reply so far has a template.',
  },
  {
    id: 'silence_before_complaint', name: { zh: '投诉前沉默占比', en: 'Silence before complaint' }, section: SILENCE, unit: 'ratio', shape: 'rate', dimensions: COMPLAINT_DIMS,
    settings: ['complaint_lookback', 'silence_window', 'short_abandon_s'],
    definition: 'Share of complaints whose customer had a silent call or ticket starting in [received_at − complaint_lookback, received_at); silence judged as of as_of.',
  },
  {
    id: 'fcr', name: { zh: '首问解决率', en: 'First-contact resolution' }, section: FCR, unit: 'ratio', shape: 'rate', dimensions: ['channel', 'queue', 'priority', 'category', 'agent', 'hour_of_week'],
    settings: ['fcr_window', 'short_abandon_s'],
    definition: 'First-contact resolved ÷ mature eligible contacts. A ticket is eligible when it has a resolved event (judged at its first resolved); an answered call at its end (started_at + wait_s + talk_s). It is first-contact resolved when no transferred or escalated event came before the first resolved (calls: transferred is false), no reopened event came within the window after the first resolved, and no other contact about the same issue (same customer, same order or either without one) started within the window after it was resolved. Pending while its window is open and it has not already failed.',
  },
  ...(['first_response', 'resolution'] as const).map((m): Entry => ({
    id: `sla_${m}`, name: m === 'first_response' ? { zh: '首次响应达标率', en: 'First response SLA' } : { zh: '解决时效达标率', en: 'Resolution SLA' },
    section: SLA, unit: 'ratio', shape: 'rate', dimensions: TICKET_DIMS, settings: ['sla'],
    definition: m === 'first_response'
      ? 'Achieved ÷ (achieved + breached) tickets, opened → first agent_reply, against the target and calendar for the ticket\'s channel and priority in the policy in force at opened. Breached when stopped after the target, or still running at as_of with elapsed > target; active (pending) otherwise.'
      : 'Achieved ÷ (achieved + breached) tickets, opened → first resolved, minus paused time (from a status pending until the next status with another value, customer_message, reopened or resolved), against the target and calendar for the ticket\'s channel and priority in the policy in force at opened.',
  })),
  {
    id: 'sla_refund', name: { zh: '退款时效达标率', en: 'Refund SLA' }, section: SLA, unit: 'ratio', shape: 'rate', dimensions: TICKET_DIMS, settings: ['sla.refund'],
    definition: 'Achieved ÷ (achieved + breached) refunds, each refund_requested → the refund_completed that closes it (each completion closes the earliest request still open), against N working days (default 3 on cn-workdays). A refund belongs to the period of its refund_requested.',
  },
  {
    id: 'complaint_sla_first_response', name: { zh: '投诉首次响应达标率', en: 'Complaint first response SLA' }, section: SLA, unit: 'ratio', shape: 'rate', dimensions: COMPLAINT_DIMS, settings: ['sla.complaint'],
    definition: 'Achieved ÷ (achieved + breached) complaints, received_at → first_response_at, against the complaint target (default 1 working day on cn-workdays).',
  },
  {
    id: 'complaint_sla_resolution', name: { zh: '投诉解决达标率', en: 'Complaint resolution SLA' }, section: SLA, unit: 'ratio', shape: 'rate', dimensions: COMPLAINT_DIMS, settings: ['sla.complaint'],
    definition: 'Achieved ÷ (achieved + breached) complaints, received_at → closed_at, against the complaint target (default 7 working days on cn-workdays).',
  },
  { id: 'attempts', name: { zh: '来电次数', en: 'Call attempts' }, section: PHONE, unit: 'count', shape: 'count', dimensions: CALL_DIMS, settings: [], definition: 'All call attempts (every row of calls).' },
  phoneRate('unreachable_rate', '无法接通率', 'Unreachable rate', 'Line failures (busy + unreachable) ÷ attempts.', []),
  { id: 'offered', name: { zh: '进线量', en: 'Offered calls' }, section: PHONE, unit: 'count', shape: 'count', dimensions: CALL_DIMS, settings: ['short_abandon_s'], definition: 'Attempts − line failures − short abandons (abandoned with wait_s < short_abandon_s).' },
  phoneRate('answer_rate', '接通率', 'Answer rate', 'Answered ÷ offered.'),
  phoneRate('abandon_rate', '放弃率', 'Abandon rate', '(Abandoned − short abandons) ÷ offered.'),
  phoneRate('timeout_rate', '排队超时率', 'Timeout rate', 'Timed out ÷ offered.'),
  phoneRate('callback_rate', '回呼率', 'Callback rate', 'Callback chosen ÷ offered.'),
  phoneRate('service_level', '服务水平', 'Service level', 'Answered with wait_s ≤ answer_target_s ÷ offered (target sl_target).', ['short_abandon_s', 'answer_target_s', 'sl_target']),
  { id: 'asa', name: { zh: '平均应答速度', en: 'Average speed of answer' }, section: PHONE, unit: 'seconds', shape: 'mean', dimensions: ANSWERED_CALL_DIMS, settings: [], definition: 'Mean wait_s of answered calls.' },
  { id: 'asa_p50', name: { zh: '应答时长中位数', en: 'Speed of answer, median' }, section: PHONE, unit: 'seconds', shape: 'percentile', percentile: 0.5, dimensions: ANSWERED_CALL_DIMS, settings: [], definition: 'Median wait_s of answered calls (linear interpolation, quantile_cont).' },
  { id: 'asa_p90', name: { zh: '应答时长P90', en: 'Speed of answer, 90th percentile' }, section: PHONE, unit: 'seconds', shape: 'percentile', percentile: 0.9, dimensions: ANSWERED_CALL_DIMS, settings: [], definition: '90th percentile of wait_s of answered calls (linear interpolation, quantile_cont).' },
  phoneRate('callback_kept', '回呼履约率', 'Callback kept', 'Calls whose callback_at − callback_requested_at ≤ callback_target_s ÷ calls with callback_requested_at (pending while the target has not passed and no callback came).', ['callback_target_s']),
  phoneRate('callback_missed_obligation', '应回呼未回呼率', 'Callback missed obligation', 'Offered, not answered calls with wait_s ≥ callback_trigger_s and no callback_requested_at ÷ offered, not answered calls with wait_s ≥ callback_trigger_s.', ['short_abandon_s', 'callback_trigger_s']),
  { id: 'complaints', name: { zh: '投诉量', en: 'Complaints' }, section: COMPLAINTS, unit: 'count', shape: 'count', dimensions: COMPLAINT_DIMS, settings: [], definition: 'Complaints received, by source and category.' },
  { id: 'complaint_amount', name: { zh: '投诉涉及金额', en: 'Amount at stake' }, section: COMPLAINTS, unit: 'cny', shape: 'sum', dimensions: COMPLAINT_DIMS, settings: [], definition: 'Sum of the disputed amount of complaints, CNY.' },
  {
    id: 'complaint_timely_response', name: { zh: '投诉及时响应率', en: 'Timely complaint response' }, section: COMPLAINTS, unit: 'ratio', shape: 'rate', dimensions: COMPLAINT_DIMS, settings: ['complaint_response_deadline'],
    definition: 'Complaints with first_response_at at or before their deadline (deadline_at, else the per-source default) ÷ mature complaints (deadline passed or responded).',
  },
  {
    id: 'complaint_rate', name: { zh: '投诉率', en: 'Complaint rate' }, section: COMPLAINTS, unit: 'per_1000', shape: 'rate', dimensions: [], settings: ['short_abandon_s'],
    definition: 'Complaints per 1,000 contacts (calls that are contacts, tickets and complaints) in the same period.',
  },
];

export const METRICS: readonly MetricDefinition[] = Object.freeze(ENTRIES.map((e) => Object.freeze({ version: 1, ...e })));

export function findMetric(id: string): MetricDefinition | undefined {
  return METRICS.find((m) => m.id === id);
}
