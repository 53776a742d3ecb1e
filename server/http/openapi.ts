/**
 * GET /api/openapi.json. Request bodies and query parameters are generated from
 * the same zod schemas the routes validate with; responses reference the
 * hand-written shapes in openapi-components.ts.
 */
import { z } from 'zod';
import { demoBody, factsBody, loadBody, rejectsQuery, runsQuery } from '../routes/etl-schemas.ts';
import {
  patchPolicyBody, policiesQuery, policiesResponse, policyChangeResponse, policyVersionResponse, POLICY_CHANGE_RULES, putPolicyBodyDocumented,
} from '../policies/policy-api-schemas.ts';
import { calendarResponse, calendarsResponse, postCalendarBody, putDayBody } from '../calendars/calendar-api-schemas.ts';
import { COMPONENT_SCHEMAS } from './openapi-components.ts';
import { metricPaths } from '../metrics/metric-openapi.ts';
import { loginBody } from '../routes/auth.ts';

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    // A date-time format says it all; zod's long regex only clutters the document.
    override: (ctx) => {
      const s = ctx.jsonSchema as { format?: string; pattern?: string };
      if (s.format === 'date-time') delete s.pattern;
    },
  }) as Record<string, unknown>;
  return rest;
}

/** Query parameters from a zod object (its parsed form: integers with their bounds). */
function queryParameters(schema: z.ZodObject) {
  const json = schemaOf(schema, 'output') as { properties: Record<string, { description?: string }>; required?: string[] };
  const optional = new Set(Object.entries(schema.shape).filter(([, s]) => (s as z.ZodType).safeParse(undefined).success).map(([k]) => k));
  return Object.entries(json.properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: 'query', required: !optional.has(name), description, schema: rest };
  });
}

const ref = (name: keyof typeof COMPONENT_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: jsonContent(ref('Error')) });
const ADMIN_ERRORS = { 400: errorResponse('a parameter is invalid; `parameter` names it'), 401: errorResponse('no valid token') };
const body = (schema: z.ZodType) => ({ required: true, content: jsonContent(schemaOf(schema, 'input')) });

/** /api/settings/policies: read with any token (viewer), change as admin. */
function policyPaths() {
  const common = { security: [{ bearer: [] }], tags: ['settings'] };
  const errors = { ...ADMIN_ERRORS, 403: errorResponse('the token lacks the role (admin to change)') };
  const created = { 201: { description: 'the new version, and the scheduled versions it withdrew', content: jsonContent(schemaOf(policyChangeResponse, 'output')) }, ...errors };
  return {
    '/api/settings/policies': {
      get: {
        ...common,
        summary: 'The policy in force (now, or at an instant), every version, and the METRICS.md defaults',
        parameters: queryParameters(policiesQuery),
        responses: { 200: { description: 'policy', content: jsonContent(schemaOf(policiesResponse, 'output')) }, ...errors },
      },
      put: { ...common, summary: 'Add a version from a whole policy document (admin)', description: POLICY_CHANGE_RULES, requestBody: body(putPolicyBodyDocumented), responses: created },
      patch: { ...common, summary: 'Add a version from a merge patch over the version in force at effective_from (admin)', description: POLICY_CHANGE_RULES, requestBody: body(patchPolicyBody), responses: created },
    },
    '/api/settings/policies/{version}': {
      get: {
        ...common,
        summary: 'One version with its document (withdrawn ones included)',
        parameters: [{ name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: { 200: { description: 'the version', content: jsonContent(schemaOf(policyVersionResponse, 'output')) }, ...errors, 404: errorResponse('no such version') },
      },
    },
  };
}

/** /api/settings/calendars: read with any token (viewer), change as admin. */
function calendarPaths() {
  const common = { security: [{ bearer: [] }], tags: ['settings'] };
  const errors = { ...ADMIN_ERRORS, 403: errorResponse('the token lacks the role (admin to change)') };
  const calendar = { description: 'the calendar as it now is', content: jsonContent(schemaOf(calendarResponse, 'output')) };
  const dayParameters = [
    { name: 'id', in: 'path', required: true, description: "calendar id, e.g. 'cn-workdays'", schema: { type: 'string' } },
    { name: 'day', in: 'path', required: true, description: 'local calendar day', schema: { type: 'string', format: 'date' } },
  ];
  return {
    '/api/settings/calendars': {
      get: {
        ...common,
        summary: 'Every calendar: weekly hours, exceptions with their source, and which years use official data or fall back to Monday–Friday',
        responses: { 200: { description: 'calendars', content: jsonContent(schemaOf(calendarsResponse, 'output')) }, ...errors },
      },
      post: {
        ...common,
        summary: 'Create a calendar (admin)',
        requestBody: body(postCalendarBody),
        responses: { 201: calendar, ...errors, 409: errorResponse('the id is taken') },
      },
    },
    '/api/settings/calendars/{id}/days/{day}': {
      put: {
        ...common,
        summary: "Set an admin exception (a closure or an extra working day); it overrides the official arrangement that day (admin)",
        parameters: dayParameters,
        requestBody: body(putDayBody),
        responses: { 200: calendar, ...errors, 404: errorResponse('no such calendar') },
      },
      delete: {
        ...common,
        summary: 'Remove the admin exception of a day; the official arrangement or the weekly hours apply again (admin)',
        parameters: dayParameters,
        responses: { 200: calendar, ...errors, 404: errorResponse('no such calendar, or no admin exception that day') },
      },
    },
  };
}

/** /api/auth: the dashboard's login by the one-time link `npm start` prints. */
function authPaths() {
  const principal = { type: 'object', properties: { role: { type: 'string', enum: ['viewer', 'compliance', 'analyst', 'admin'] }, subject: { type: 'string' } } };
  const session = { type: 'object', properties: { token: { type: 'string' }, role: { type: 'string' }, subject: { type: 'string' }, expires_at: { type: 'string', format: 'date-time' } } };
  const signedIn = { security: [{ bearer: [] }], tags: ['auth'] };
  return {
    '/api/auth/login': {
      post: {
        tags: ['auth'],
        summary: 'Trade the one-time code of the login link for a session token (then sent as a bearer token); a new link is printed',
        requestBody: body(loginBody),
        responses: { 200: { description: 'the session', content: jsonContent(session) }, 400: ADMIN_ERRORS[400], 401: errorResponse('the code is wrong or used') },
      },
    },
    '/api/auth/me': { get: { ...signedIn, summary: 'Who the token is', responses: { 200: { description: 'principal', content: jsonContent(principal) }, 401: ADMIN_ERRORS[401] } } },
    '/api/auth/logout': { post: { ...signedIn, summary: 'End this session', responses: { 200: { description: 'whether a session ended', content: jsonContent({ type: 'object', properties: { ended: { type: 'boolean' } } }) }, 401: ADMIN_ERRORS[401] } } },
  };
}

function paths() {
  const admin = { security: [{ bearer: [] }], tags: ['etl'] };
  return {
    '/api/health': {
      get: { summary: 'Server and database status', tags: ['health'], responses: { 200: { description: 'up', content: jsonContent(ref('Health')) } } },
    },
    '/api/etl/load': {
      post: {
        ...admin,
        summary: 'Load files (paths on the server machine) into one table, streaming progress',
        requestBody: body(loadBody),
        responses: {
          200: { description: 'NDJSON: progress lines, then one result line per file', content: { 'application/x-ndjson': { schema: ref('LoadEvent') } } },
          ...ADMIN_ERRORS,
        },
      },
    },
    '/api/etl/scan': {
      post: {
        ...admin,
        summary: 'Scan the inbox now',
        responses: { 200: { description: 'one entry per file found', content: jsonContent({ type: 'object', properties: { entries: { type: 'array', items: ref('InboxEntry') } } }) }, ...ADMIN_ERRORS },
      },
    },
    '/api/etl/demo': {
      post: {
        ...admin,
        summary: 'Generate demo data into the inbox and load it',
        requestBody: body(demoBody),
        responses: { 200: { description: 'files written and their load entries', content: jsonContent({ type: 'object', properties: { files: { type: 'array' }, entries: { type: 'array', items: ref('InboxEntry') } } }) }, ...ADMIN_ERRORS },
      },
    },
    '/api/etl/facts': {
      post: {
        ...admin,
        summary: 'Bring the derived facts up to date with what loads touched (full: recompute every fact)',
        requestBody: body(factsBody),
        responses: { 200: { description: 'what the refresh recomputed', content: jsonContent(ref('FactsRefresh')) }, ...ADMIN_ERRORS },
      },
    },
    '/api/etl/runs': {
      get: {
        ...admin,
        summary: 'Recent loads, newest first',
        parameters: queryParameters(runsQuery),
        responses: { 200: { description: 'runs', content: jsonContent({ type: 'object', properties: { runs: { type: 'array', items: ref('RunSummary') } } }) }, ...ADMIN_ERRORS },
      },
    },
    '/api/etl/rejects': {
      get: {
        ...admin,
        summary: "A run's rejected rows (default: the newest run that has any)",
        parameters: queryParameters(rejectsQuery),
        responses: { 200: { description: 'a page of rejects with the total', content: jsonContent(ref('RejectsPage')) }, ...ADMIN_ERRORS },
      },
    },
    ...authPaths(),
    ...policyPaths(),
    ...calendarPaths(),
    '/api/metrics/definitions': {
      get: {
        security: [{ bearer: [] }],
        tags: ['metrics'],
        summary: 'Every metric id of METRICS.md: names (zh, en), definition text, version, unit, shape, dimensions it can be grouped by, policy settings it uses',
        responses: {
          200: { description: 'the definitions', content: jsonContent({ type: 'object', properties: { metrics: { type: 'array', items: ref('MetricDefinition') } } }) },
          401: errorResponse('no valid token'),
        },
      },
    },
    ...metricPaths(queryParameters),
  };
}

/** Built once per app: the document is static for a given build. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'Support Radar API', version: '0.1.0', description: 'Support-quality metrics over calls, tickets and complaints (客服质量雷达).' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: COMPONENT_SCHEMAS },
    paths: paths(),
  };
}
