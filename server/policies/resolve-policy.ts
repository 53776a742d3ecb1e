/**
 * Reading one value out of a policy document, for code that needs it in JS. The
 * flattened SQL tables (flatten-policy.ts) are built with these same functions,
 * so a value read here and a value joined in SQL cannot disagree.
 */
import {
  COMPLAINT_SOURCES,
  CONTACT_CHANNELS,
  type ComplaintSource,
  type ContactChannel,
  type Deadline,
  type PolicyDocument,
  type Priority,
  type SlaChannel,
  type SlaMetric,
  type Target,
  type Window,
} from './policy-schema.ts';

/**
 * The SLA target of a channel, priority and metric: the priority's override if
 * there is one, else the channel's target. Complaints have no priority; any
 * priority gives the complaint row.
 *
 * @example
 * resolveSla(DEFAULT_POLICY, 'chat', 'urgent', 'resolution'); // { kind: 'duration', seconds: 14400, calendar: '24x7' }
 */
export function resolveSla(doc: PolicyDocument, channel: SlaChannel, priority: Priority, metric: SlaMetric): Target {
  const row = doc.sla[channel];
  const override = 'priorities' in row ? row.priorities[priority]?.[metric] : undefined;
  return override ?? row[metric];
}

function isContactChannel(channel: string): channel is ContactChannel {
  return (CONTACT_CHANNELS as readonly string[]).includes(channel);
}

function isComplaintSource(source: string): source is ComplaintSource {
  return (COMPLAINT_SOURCES as readonly string[]).includes(source);
}

/**
 * The silence window of a contact's channel; a channel without its own value
 * (or one the policy does not know) has the default.
 *
 * @example
 * resolveSilenceWindow(DEFAULT_POLICY, 'phone'); // { seconds: 172800, calendar: '24x7' }
 */
export function resolveSilenceWindow(doc: PolicyDocument, channel: string): Window {
  return (isContactChannel(channel) ? doc.silence_window.channels[channel] : undefined) ?? doc.silence_window.default;
}

/**
 * The response deadline of a complaint without its own `deadline_at`: the
 * source's value, else the default.
 *
 * @example
 * resolveComplaintDeadline(DEFAULT_POLICY, '12315'); // { kind: 'working_days', days: 7, calendar: 'cn-workdays' }
 */
export function resolveComplaintDeadline(doc: PolicyDocument, source: string): Deadline {
  return (isComplaintSource(source) ? doc.complaint_response_deadline.sources[source] : undefined) ?? doc.complaint_response_deadline.default;
}
