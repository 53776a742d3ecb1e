/**
 * The overview's headline metrics, in reading order: silence first (the
 * product's reason to exist), then resolution and SLAs, the phone line, and
 * complaints. Ids are those of server/metrics/metric-definitions.ts.
 */
export const OVERVIEW_METRICS = [
  'silence_rate',
  'fcr',
  'sla_first_response',
  'sla_resolution',
  'answer_rate',
  'service_level',
  'asa',
  'unreachable_rate',
  'complaints',
  'complaint_timely_response',
] as const;
