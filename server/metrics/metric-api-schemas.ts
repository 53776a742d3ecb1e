/**
 * Query parameters of /api/metrics/summary, /api/metrics/series and /api/cases
 * (API.md beside this file). The zod schemas check the closed sets (grain, part,
 * group_by, paging) and document every parameter in /api/openapi.json; dates and
 * filters are parsed by metric-scope.ts, which knows the platform's time zone.
 */
import { z } from 'zod';
import { DIMENSIONS } from './metric-types.ts';
import { GRAINS } from './periods.ts';
import { CASE_PARTS } from './metric-cases.ts';

const when = (what: string) =>
  z.string().optional().describe(`${what}: a date (2026-10-01, in the platform time zone), a local date-time (2026-10-01T08:00:00) or an instant (2026-10-01T08:00:00+08:00)`);

const filterFields = Object.fromEntries(
  DIMENSIONS.map((d) => [d, z.string().optional().describe(`filter on ${d}: one value or a comma-separated list`)]),
) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<z.ZodString>>;

const scopeFields = {
  from: when('inclusive start of the units\' start instants (required)'),
  to: when('exclusive end (required)'),
  as_of: when('instant of evaluation, default now: nothing after it is seen'),
  ...filterFields,
};

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` }).describe(what);

const wholeNumber = (name: string, min: number, max: number) =>
  z.string().regex(/^\d{1,9}$/, 'expected a whole number').transform(Number)
    .pipe(z.number().int().min(min, `${name} must be from ${min} to ${max}`).max(max, `${name} must be from ${min} to ${max}`));

export const MAX_PAGE_SIZE = 500;

export const summaryQuery = z.object({
  ...scopeFields,
  metrics: z.string().optional().describe('comma-separated metric ids; default all'),
});

export const dimensionValuesQuery = z.object({
  from: when('inclusive start of the contacts\' start instants (required)'),
  to: when('exclusive end (required)'),
});

export const seriesQuery = z.object({
  ...scopeFields,
  metric: z.string().optional().describe('metric id (required)'),
  grain: oneOf(GRAINS, 'period length in the platform time zone; weeks start on Monday').default('day'),
  group_by: oneOf(DIMENSIONS as unknown as readonly [string, ...string[]], 'one of the metric\'s dimensions').optional(),
});

export const casesQuery = z.object({
  ...scopeFields,
  metric: z.string().optional().describe('metric id (required)'),
  part: oneOf(CASE_PARTS, 'which cases: the numerator\'s, the denominator\'s (numerator included), the denominator\'s outside the numerator (denominator_only: SLA breaches, answered contacts) or the pending ones').optional(),
  page: wholeNumber('page', 1, 1_000_000).default(1).describe('1-based page'),
  page_size: wholeNumber('page_size', 1, MAX_PAGE_SIZE).default(50).describe(`cases per page, at most ${MAX_PAGE_SIZE}`),
  unmask: z.enum(['true', 'false'], { error: 'expected true or false' }).optional().describe('true shows personal data unmasked: compliance or admin role; audited'),
});

export const caseParams = z.object({
  kind: oneOf(['call', 'ticket', 'complaint'], 'kind of contact'),
  id: z.string().min(1).max(200).describe('call_id, ticket_id or complaint_id'),
});

export const caseQuery = z.object({
  as_of: when('instant of evaluation, default now: nothing after it is shown'),
  around: wholeNumber('around', 0, 365).default(30).describe('days of the customer\'s timeline before and after the contact'),
  unmask: casesQuery.shape.unmask,
});
