/**
 * GET /api/openapi.json. Request bodies and query parameters are generated from
 * the same zod schemas the routes validate with; responses reference the
 * hand-written shapes in openapi-components.ts.
 */
import { z } from 'zod';
import { demoBody, loadBody, rejectsQuery, runsQuery } from '../routes/etl-schemas.ts';
import { COMPONENT_SCHEMAS } from './openapi-components.ts';

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
