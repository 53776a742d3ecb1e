/**
 * The defaults of METRICS.md, exactly as it gives them: version 1 of every
 * database, effective from 1970-01-01. Each value names the METRICS.md line it
 * comes from. Change a value here only together with METRICS.md; a database that
 * already has version 1 keeps its own (defaults change history only through a new
 * version).
 */
import { DEFAULT_KPI_GOALS } from './kpi-goals.ts';
import { policyDocumentSchema, type PolicyDocument } from './policy-schema.ts';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const onClock = (seconds: number) => ({ kind: 'duration', seconds, calendar: '24x7' }) as const;
const workingDays = (days: number) => ({ kind: 'working_days', days, calendar: 'cn-workdays' }) as const;

/** The table's first column is on 24x7; its resolution column names no calendar, so 24x7 as well. */
const ticketRow = (firstResponse: number, resolution: number, urgentResolution?: number) => ({
  first_response: onClock(firstResponse),
  resolution: onClock(resolution),
  priorities: urgentResolution === undefined ? {} : { urgent: { resolution: onClock(urgentResolution) } },
});

const DEFAULTS = {
  // "Phone (queue) metrics": `short_abandon_s` default 5
  short_abandon_s: 5,
  // "Phone (queue) metrics": `answer_target_s` default 20
  answer_target_s: 20,
  // "Phone (queue) metrics": `sl_target` default 80 %
  sl_target: 0.8,
  // "Phone (queue) metrics": `callback_trigger_s` default 900 (15 min)
  callback_trigger_s: 15 * MINUTE,
  // "Phone (queue) metrics": `callback_target_s` default 180 (3 min)
  callback_target_s: 3 * MINUTE,
  // "Silence": `silence_window` default 48 h on `24x7`, settable per channel (no channel differs by default)
  silence_window: { default: { seconds: 48 * HOUR, calendar: '24x7' }, channels: {} },
  // "First-contact resolution": `fcr_window` default 7 days on `24x7`
  fcr_window: { seconds: 7 * DAY, calendar: '24x7' },
  // "Silence": silence before complaint, `complaint_lookback` (default 30 days); no calendar named, so 24x7
  complaint_lookback: { seconds: 30 * DAY, calendar: '24x7' },
  // "Silence": `complaint_response_deadline` per source, default 7 working days on `cn-workdays`
  complaint_response_deadline: { default: workingDays(7), sources: {} },
  sla: {
    // | chat | 30 s (`24x7`) | 24 h; urgent 4 h |
    chat: ticketRow(30, 24 * HOUR, 4 * HOUR),
    // | web, phone (tickets) | 15 min (`24x7`) | 24 h; urgent 4 h |
    web: ticketRow(15 * MINUTE, 24 * HOUR, 4 * HOUR),
    phone: ticketRow(15 * MINUTE, 24 * HOUR, 4 * HOUR),
    // | social, marketplace | 1 h (`24x7`) | 24 h |
    social: ticketRow(HOUR, 24 * HOUR),
    marketplace: ticketRow(HOUR, 24 * HOUR),
    // | email | 24 h (`24x7`) | 48 h |
    email: ticketRow(24 * HOUR, 48 * HOUR),
    // | complaint | 1 working day | 7 working days (`cn-workdays`) |
    complaint: { first_response: workingDays(1), resolution: workingDays(7) },
    // | refund (`refund_requested` → `refund_completed`) | — | 3 working days (`cn-workdays`) |
    refund: { first_response: { kind: 'none' }, resolution: workingDays(3), priorities: {} },
  },
  // Not from METRICS.md: the dashboard's goal lines, product defaults (kpi-goals.ts).
  kpi_goals: DEFAULT_KPI_GOALS,
} satisfies PolicyDocument;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parsed once, so the defaults are checked by the same schema as every stored version; frozen, so no caller can change them. */
export const DEFAULT_POLICY: PolicyDocument = deepFreeze(policyDocumentSchema.parse(DEFAULTS));

/** Version 1 starts at the epoch: every instant a metric can ask about has a policy. */
export const DEFAULT_EFFECTIVE_FROM = new Date('1970-01-01T00:00:00Z');
