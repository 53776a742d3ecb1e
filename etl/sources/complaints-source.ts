/** FORMATS.md section 3: one row per external complaint, latest state. */
import type { SourceSpec } from './source-spec.ts';

export const COMPLAINT_SOURCES = [
  '12315', 'consumer_association', '12321', 'blackcat', 'payment_dispute', 'cyberspace', 'court', 'media', 'other',
] as const;

export const COMPLAINT_OUTCOMES = ['refunded', 'compensated', 'explained', 'rejected', 'withdrawn', 'mediated'] as const;

export const complaintsSource: SourceSpec = {
  kind: 'complaints',
  table: 'complaints',
  keyExpr: 'complaint_id',
  keyColumn: 'complaint_id',
  columns: [
    { name: 'complaint_id', type: 'text', required: true },
    { name: 'received_at', type: 'timestamp', required: true },
    { name: 'source', type: 'code', required: true, values: COMPLAINT_SOURCES, valuesRule: 'unknown_source' },
    { name: 'external_ref', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'order_id', type: 'text' },
    { name: 'ticket_id', type: 'text' },
    { name: 'category', type: 'text' },
    { name: 'amount', type: 'amount' },
    { name: 'deadline_at', type: 'timestamp' },
    { name: 'first_response_at', type: 'timestamp' },
    { name: 'closed_at', type: 'timestamp' },
    { name: 'outcome', type: 'code', values: COMPLAINT_OUTCOMES, valuesRule: 'invalid_outcome' },
  ],
  rules: [
    { id: 'closed_without_outcome', message: 'closed_at needs an outcome', failsWhen: 'closed_at IS NOT NULL AND outcome IS NULL' },
    {
      id: 'response_before_received',
      message: 'first_response_at is before received_at',
      failsWhen: 'first_response_at < received_at',
    },
    { id: 'closed_before_received', message: 'closed_at is before received_at', failsWhen: 'closed_at < received_at' },
  ],
};
