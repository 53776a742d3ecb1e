/** FORMATS.md section 1: one row per inbound call attempt. */
import { cleanText } from '../load/typed-columns.ts';
import { PRIORITIES, type SourceSpec } from './source-spec.ts';

export const CALL_OUTCOMES = ['answered', 'abandoned', 'timeout', 'busy', 'unreachable', 'callback'] as const;

/** Outcomes of calls that entered the queue, for which wait_s is required. */
const QUEUED = `['answered', 'abandoned', 'timeout', 'callback']`;

export const callsSource: SourceSpec = {
  kind: 'calls',
  table: 'calls',
  keyExpr: 'call_id',
  keyColumn: 'call_id',
  columns: [
    { name: 'call_id', type: 'text', required: true },
    { name: 'started_at', type: 'timestamp', required: true },
    { name: 'queue', type: 'text', required: true },
    { name: 'ivr_option', type: 'text' },
    { name: 'caller', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'order_id', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'priority', type: 'code', values: PRIORITIES, valuesRule: 'invalid_priority', default: 'normal' },
    { name: 'outcome', type: 'code', required: true, values: CALL_OUTCOMES, valuesRule: 'unknown_outcome' },
    { name: 'wait_s', type: 'number' },
    { name: 'talk_s', type: 'number' },
    { name: 'agent_id', type: 'text' },
    { name: 'transferred', type: 'boolean' },
    { name: 'callback_requested_at', type: 'timestamp' },
    { name: 'callback_at', type: 'timestamp' },
  ],
  rules: [
    {
      id: 'missing_wait_s',
      message: 'wait_s is required for a queued outcome (answered, abandoned, timeout, callback)',
      failsWhen: `list_contains(${QUEUED}, outcome) AND ${cleanText('r_wait_s')} IS NULL`,
    },
    { id: 'negative_duration', message: 'wait_s and talk_s must be >= 0', failsWhen: 'wait_s < 0 OR talk_s < 0' },
    {
      id: 'answered_without_agent',
      message: 'agent_id is required when outcome = answered',
      failsWhen: `outcome = 'answered' AND agent_id IS NULL`,
    },
    {
      id: 'callback_before_request',
      message: 'callback_at is before callback_requested_at',
      failsWhen: 'callback_at < callback_requested_at',
    },
  ],
};
