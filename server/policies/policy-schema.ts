/**
 * The policy document: every `code font` setting of METRICS.md in one typed,
 * validated value. A stored policy version holds one whole document; the zod
 * schema here is the single definition of what a valid one is (the API validates
 * with it, the OpenAPI document is generated from it, stored documents are parsed
 * with it).
 *
 * Units: every duration is whole seconds; a rate is a fraction (80 % = 0.8).
 * A target is a duration on a calendar, N working days on a calendar, or `none`
 * (METRICS.md "SLA attainment": refund has no first-response target).
 */
import { z } from 'zod';
import { CALENDAR_ID } from '../calendars/calendar-api-schemas.ts';
import { DEFAULT_KPI_GOALS, kpiGoalsSchema } from './kpi-goals.ts';

/** Channels of the SLA table: the ticket channels, complaints and refunds. */
export const SLA_CHANNELS = ['chat', 'web', 'phone', 'social', 'marketplace', 'email', 'complaint', 'refund'] as const;
/** Channels a contact can have (METRICS.md "Metric ids": calls are phone, complaints complaint). */
export const CONTACT_CHANNELS = ['chat', 'web', 'phone', 'social', 'marketplace', 'email', 'complaint'] as const;
/** FORMATS.md section 2 (the same list as etl/sources/source-spec.ts PRIORITIES). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/** FORMATS.md section 3 (the same list as etl/sources/complaints-source.ts). */
export const COMPLAINT_SOURCES = ['12315', 'consumer_association', '12321', 'blackcat', 'payment_dispute', 'cyberspace', 'court', 'media', 'other'] as const;
export const SLA_METRICS = ['first_response', 'resolution'] as const;

export type SlaChannel = (typeof SLA_CHANNELS)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];
export type SlaMetric = (typeof SLA_METRICS)[number];

const DAY_S = 86_400;
/** A year and a day: anything longer is a unit mistake (ms for s), not a policy. */
const MAX_SECONDS = 366 * DAY_S;

/**
 * A calendar id (server/calendars: '24x7', 'cn-workdays' or an admin's). That it
 * exists, and has working days where a target counts them, is checked against
 * the calendars table when a version is added (policy-calendars.ts).
 */
const calendar = z.string({ error: 'expected a calendar id, e.g. 24x7 or cn-workdays' }).regex(CALENDAR_ID, 'expected a calendar id, e.g. 24x7 or cn-workdays');
const seconds = (min: number, max = MAX_SECONDS) =>
  z.number({ error: 'expected a number of seconds' }).int('expected whole seconds').min(min).max(max);

/** A strict object whose unknown keys are refused (a mistyped setting must not be silently ignored). */
const strict = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/** A window: a duration on a calendar (the working time of that calendar when it is not 24x7). */
export const windowSchema = strict({ seconds: seconds(1), calendar });

const durationTarget = strict({ kind: z.literal('duration'), seconds: seconds(1), calendar });
const workingDaysTarget = strict({
  kind: z.literal('working_days'),
  days: z.number({ error: 'expected a number of working days' }).int('expected whole days').min(1).max(366),
  calendar,
});
const noTarget = strict({ kind: z.literal('none') });

/** A deadline: a duration or N working days ("N working days after t", METRICS.md "Time"). */
export const deadlineSchema = z.discriminatedUnion('kind', [durationTarget, workingDaysTarget]);
/** An SLA target; `none` means the metric has no target on that channel. */
export const targetSchema = z.discriminatedUnion('kind', [durationTarget, workingDaysTarget, noTarget]);

const priorityOverride = strict({ first_response: targetSchema.optional(), resolution: targetSchema.optional() });
const priorityOverrides = strict(Object.fromEntries(PRIORITIES.map((p) => [p, priorityOverride.optional()])) as Record<Priority, z.ZodOptional<typeof priorityOverride>>);

/** One row of the SLA table: targets for all priorities, and what differs for some. */
const ticketSla = strict({
  first_response: targetSchema,
  resolution: targetSchema,
  priorities: priorityOverrides.default({}),
});
/** Complaints have no priority, so no overrides. */
const complaintSla = strict({ first_response: targetSchema, resolution: targetSchema });

const slaTable = strict({
  chat: ticketSla, web: ticketSla, phone: ticketSla, social: ticketSla, marketplace: ticketSla, email: ticketSla,
  complaint: complaintSla, refund: ticketSla,
});

const channelWindows = strict(Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, windowSchema.optional()])) as Record<ContactChannel, z.ZodOptional<typeof windowSchema>>);
const sourceDeadlines = strict(Object.fromEntries(COMPLAINT_SOURCES.map((s) => [s, deadlineSchema.optional()])) as Record<ComplaintSource, z.ZodOptional<typeof deadlineSchema>>);

export const policyDocumentSchema = strict({
  short_abandon_s: seconds(0, 3600).describe('an abandoned call that waited less is a short abandon, not a contact'),
  answer_target_s: seconds(1, DAY_S).describe('service level: answered within this many seconds'),
  sl_target: z.number({ error: 'expected a fraction' }).gt(0, 'expected a fraction above 0').max(1, 'expected a fraction from 0 to 1 (80 % is 0.8)').describe('service-level goal as a fraction (0.8 = 80 %)'),
  callback_trigger_s: seconds(1, DAY_S).describe('unanswered calls that waited this long are owed a callback'),
  callback_target_s: seconds(1, 7 * DAY_S).describe('a callback is kept when it comes within this many seconds of the request'),
  silence_window: strict({ default: windowSchema, channels: channelWindows.default({}) }).describe('a contact with no human response within the window is silent; per-channel values replace the default'),
  fcr_window: windowSchema.describe('first-contact resolution: no reopen or repeat contact within this window'),
  complaint_lookback: windowSchema.describe('silence before complaint: how far back from a complaint to look'),
  complaint_response_deadline: strict({ default: deadlineSchema, sources: sourceDeadlines.default({}) }).describe('used when a complaint has no deadline_at; per-source values replace the default'),
  sla: slaTable.describe('SLA targets per channel, with per-priority overrides'),
  // Not in METRICS.md: the dashboard's goal lines (kpi-goals.ts). A version stored before they existed reads the defaults.
  kpi_goals: kpiGoalsSchema.default(DEFAULT_KPI_GOALS).describe('goal per metric id for the dashboard: { at_most } or { at_least }, in the metric\'s unit; service level uses sl_target'),
});

export type Window = z.output<typeof windowSchema>;
export type Deadline = z.output<typeof deadlineSchema>;
export type Target = z.output<typeof targetSchema>;
export type PolicyDocument = z.output<typeof policyDocumentSchema>;

export type ParsedDocument = { ok: true; document: PolicyDocument } | { ok: false; path: string; message: string };

/** `sla.chat.first_response.seconds`; an unknown key is named itself, not its parent. */
function issuePath(issue: z.core.$ZodIssue): string {
  const path: PropertyKey[] = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/**
 * Validates a whole document; a failure names the first bad setting by its path.
 *
 * @example
 * parsePolicyDocument({ ...DEFAULT_POLICY, sl_target: 80 });
 * // { ok: false, path: 'sl_target', message: 'expected a fraction from 0 to 1 (80 % is 0.8)' }
 */
export function parsePolicyDocument(value: unknown): ParsedDocument {
  const result = policyDocumentSchema.safeParse(value);
  if (result.success) return { ok: true, document: result.data };
  const issue = result.error.issues[0]!;
  const message = issue.code === 'unrecognized_keys' ? 'not a setting here (a PATCH removes a key with null)' : issue.message;
  return { ok: false, path: issuePath(issue), message };
}
