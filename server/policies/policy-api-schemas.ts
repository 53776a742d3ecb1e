/**
 * Request and response shapes of /api/settings/policies. The routes validate
 * requests with these, the OpenAPI document is generated from them, and the
 * tests check every response against them, so the three cannot disagree.
 */
import { z } from 'zod';
import { policyDocumentSchema } from './policy-schema.ts';

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-01T00:00:00+08:00' });

export const policiesQuery = z.object({
  at: instant.optional().describe('the instant whose policy is returned as in_force; default now'),
});

/** A whole number in a path segment: `/api/settings/policies/3`. */
export const versionParam = z.object({
  version: z.string().regex(/^\d{1,9}$/, 'expected a version number').transform(Number).describe('policy version number'),
});

const changeFields = {
  effective_from: instant
    .optional()
    .describe('when the version takes effect; default now. In the past only with backdate: true, and never at or before the start of a version that has already applied; a version scheduled at or after it is withdrawn'),
  backdate: z.boolean().optional().describe('confirms an effective_from in the past: results from then on are recomputed under the new version'),
  note: z.string().trim().min(1, 'say why the policy changes').max(2000).describe('why the policy changes; kept with the version'),
};

/** The store validates `document` itself, so a 400 can name the setting at fault (`document.sla.chat.resolution.seconds`). */
export const putPolicyBody = z.strictObject({ ...changeFields, document: z.unknown() });
export const patchPolicyBody = z.strictObject({
  ...changeFields,
  document: z
    .record(z.string(), z.unknown(), { error: 'expected an object of the settings to change' })
    .describe('JSON Merge Patch (RFC 7396) over the version in force at effective_from: objects merge, null removes a key (a per-channel or per-priority override); the result must be a whole valid policy'),
});

/** For the OpenAPI document: PUT takes a whole policy document. */
export const putPolicyBodyDocumented = putPolicyBody.extend({ document: policyDocumentSchema });

const time = z.iso.datetime();
export const VERSION_STATUSES = ['in_force', 'scheduled', 'superseded', 'withdrawn'] as const;

export const policyVersionInfo = z.object({
  version: z.number().int(),
  effective_from: time,
  valid_to: time.nullable().describe('end of its period (exclusive); null while open or when withdrawn'),
  in_force_ever: z.boolean().describe('false for a version withdrawn before it took effect'),
  status: z.enum(VERSION_STATUSES).describe('as of now'),
  created_at: time,
  created_by: z.string(),
  note: z.string(),
  based_on: z.number().int().nullable().describe('the version a PATCH was merged over'),
  backdated: z.boolean(),
});

export const policyVersionResponse = policyVersionInfo.extend({ document: policyDocumentSchema });

export const policiesResponse = z.object({
  at: time.describe('the instant in_force was resolved for'),
  in_force: policyVersionResponse,
  history: z.array(policyVersionInfo).describe('every version, oldest first'),
  defaults: policyDocumentSchema.describe('the METRICS.md defaults (version 1 of a new database)'),
});

export const policyChangeResponse = z.object({
  version: policyVersionResponse,
  withdrawn: z.array(z.number().int()).describe('scheduled versions this one replaced before they took effect'),
});

/** The effective-time rules, for the API document (policy-change.ts enforces them). */
export const POLICY_CHANGE_RULES = [
  'A change is a new version; versions are never edited or deleted. The version in force at an instant is the newest version whose effective_from is at or before it, and metrics use the version in force at each contact\'s start.',
  'effective_from defaults to now. An instant in the past needs backdate: true (the version is marked backdated; results from then on are recomputed under it). Even backdated, it must be after the effective_from of every version that has already applied, so every version that was in force keeps its period.',
  'A version scheduled for the future is withdrawn by a new version that starts at or before it (the response lists it under withdrawn).',
  'Every calendar a setting names must exist, and "working_days" needs a calendar with working days. Errors are a 400 whose parameter is the path of the setting, e.g. document.sla.chat.first_response.seconds.',
].join('\n\n');
