/**
 * OpenAPI paths of /api/metrics/summary, /api/metrics/series, /api/cases and
 * /api/cases/{kind}/{id}: parameters from the zod schemas the routes validate
 * with, responses as JSON Schema written from API.md.
 */
import { caseQuery, casesQuery, dimensionValuesQuery, seriesQuery, summaryQuery } from './metric-api-schemas.ts';
import type { z } from 'zod';

type QueryParameters = (schema: z.ZodObject) => unknown[];

const instant = { type: 'string', format: 'date-time' };
const nullable = (t: string) => ({ type: [t, 'null'] });
const definitionRef = {
  type: 'object',
  required: ['id', 'version', 'name'],
  properties: { id: { type: 'string' }, version: { type: 'integer' }, name: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } },
};
const numbers = {
  value: { ...nullable('number'), description: 'numerator ÷ denominator for rates (×1000 for per_1000), the count, sum, mean or percentile; null when the denominator is 0' },
  numerator: nullable('number'),
  denominator: nullable('number'),
  pending: { type: 'integer', description: 'units whose outcome cannot be known at as_of, left out of numerator and denominator' },
};
const scope = {
  from: instant, to: instant, as_of: instant, time_zone: { type: 'string' },
  filters: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
};
const metricValue = {
  oneOf: [
    { type: 'object', required: ['value', 'numerator', 'denominator', 'pending', 'definition'], properties: { ...numbers, unit: { type: 'string' }, definition: definitionRef, calendar_fallback: { type: 'boolean', description: 'a working calendar used a year without official holiday data' } } },
    { type: 'object', required: ['not_applicable', 'definition'], properties: { not_applicable: { type: 'object', properties: { parameter: { type: 'string' }, message: { type: 'string' } } }, unit: { type: 'string' }, definition: definitionRef } },
  ],
};
const caseRow = {
  type: 'object',
  properties: {
    kind: { enum: ['call', 'ticket', 'complaint'] }, id: { type: 'string' }, seq: nullable('integer'), started_at: instant,
    state: { enum: ['numerator', 'denominator', 'pending'], description: 'denominator = in the denominator only' },
    channel: nullable('string'), queue: nullable('string'), priority: nullable('string'), category: nullable('string'), agent: nullable('string'), source: nullable('string'),
    customer_key: { type: 'string', description: 'masked unless unmask=true' }, order_id: nullable('string'),
    deadline: { ...nullable('string'), format: 'date-time', description: 'end of the window or target' }, stopped_at: { ...nullable('string'), format: 'date-time', description: 'the instant that decided the case, when seen' },
  },
};

const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json({ $ref: '#/components/schemas/Error' }) });
const ERRORS = { 400: error('a parameter is invalid; `parameter` names it'), 401: error('no valid token') };

export function metricPaths(queryParameters: QueryParameters) {
  const common = { security: [{ bearer: [] }], tags: ['metrics'] };
  return {
    '/api/metrics/summary': {
      get: {
        ...common,
        summary: 'Every metric (or those named) over [from, to) as of an instant, with numerator, denominator and pending',
        parameters: queryParameters(summaryQuery),
        responses: { 200: { description: 'values keyed by metric id', content: json({ type: 'object', properties: { ...scope, metrics: { type: 'object', additionalProperties: metricValue } } }) }, ...ERRORS },
      },
    },
    '/api/metrics/dimension-values': {
      get: {
        ...common,
        summary: 'Values of channel, queue, priority, category, agent, source and complaint outcome among contacts starting in [from, to), most frequent first (at most 200 each), for filter pickers',
        parameters: queryParameters(dimensionValuesQuery),
        responses: {
          200: {
            description: 'values per dimension; `truncated` names dimensions cut at 200',
            content: json({ type: 'object', properties: { ...scope, values: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' } } } } }, truncated: { type: 'array', items: { type: 'string' } } } }),
          },
          ...ERRORS,
        },
      },
    },
    '/api/metrics/series': {
      get: {
        ...common,
        summary: 'One metric per hour, day, week or month (every period present), optionally per group',
        parameters: queryParameters(seriesQuery),
        responses: {
          200: {
            description: 'the series',
            content: json({
              type: 'object',
              properties: {
                ...scope, metric: { type: 'string' }, grain: { type: 'string' }, group_by: nullable('string'), definition: definitionRef, calendar_fallback: { type: 'boolean' },
                periods: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, start: instant, end: instant } } },
                series: { type: 'array', items: { type: 'object', properties: { group: nullable('string'), points: { type: 'array', items: { type: 'object', properties: { period: { type: 'string' }, ...numbers } } } } } },
              },
            }),
          },
          ...ERRORS,
        },
      },
    },
    '/api/cases': {
      get: {
        ...common,
        tags: ['cases'],
        summary: "The units behind a metric's numerator, denominator or pending count, newest first, paged",
        parameters: queryParameters(casesQuery),
        responses: {
          200: { description: 'a page of cases with the total', content: json({ type: 'object', properties: { ...scope, metric: { type: 'string' }, part: { type: 'string' }, total: { type: 'integer' }, page: { type: 'integer' }, page_size: { type: 'integer' }, masked: { type: 'boolean' }, cases: { type: 'array', items: caseRow } } }) },
          ...ERRORS,
          403: error('unmask=true without the compliance or admin role'),
        },
      },
    },
    '/api/cases/{kind}/{id}': {
      get: {
        ...common,
        tags: ['cases'],
        summary: "One contact and its customer's cross-channel timeline (calls, ticket events, complaints) around it",
        parameters: [
          { name: 'kind', in: 'path', required: true, schema: { enum: ['call', 'ticket', 'complaint'] } },
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ...queryParameters(caseQuery),
        ],
        responses: {
          200: {
            description: 'the contact and its timeline, oldest first',
            content: json({
              type: 'object',
              properties: {
                contact: { type: 'object' }, customer_key: { type: 'string' }, as_of: instant, masked: { type: 'boolean' }, truncated: { type: 'boolean' },
                window: { type: 'object', properties: { from: instant, to: instant } },
                timeline: { type: 'array', items: { type: 'object', properties: { at: instant, source: { enum: ['call', 'ticket_event', 'complaint'] }, id: { type: 'string' }, type: { type: 'string' }, channel: nullable('string'), actor: nullable('string'), detail: { type: 'object' } } } },
              },
            }),
          },
          ...ERRORS,
          403: error('unmask=true without the compliance or admin role'),
          404: error('no such contact (as of as_of)'),
        },
      },
    },
  };
}
