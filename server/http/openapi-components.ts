/**
 * Response shapes of the OpenAPI document (JSON Schema 2020-12, as OpenAPI 3.1
 * uses). Hand-written beside the routes: when a route's response changes, its
 * schema here changes in the same commit.
 */
const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });

const counts = {
  read: int,
  loaded: int,
  replaced: { ...int, description: 'loaded rows that replaced an older version of the same natural key' },
  rejected: int,
  duplicate: int,
  retracted: { ...int, description: 'rows of earlier runs this run showed to be invalid, moved to the rejects' },
};

const fileError = nullable({
  type: 'object',
  properties: { message: str, line: nullable(int), offset: nullable(int) },
  required: ['message'],
});

export const COMPONENT_SCHEMAS = {
  MetricDefinition: {
    type: 'object',
    required: ['id', 'name', 'definition', 'version', 'unit', 'shape', 'dimensions', 'settings', 'section'],
    properties: {
      id: str,
      name: { type: 'object', properties: { zh: str, en: str } },
      definition: { ...str, description: 'the definition as METRICS.md states it' },
      version: int,
      unit: { enum: ['ratio', 'count', 'seconds', 'cny', 'per_1000'] },
      shape: { enum: ['rate', 'count', 'sum', 'mean', 'percentile'] },
      dimensions: { type: 'array', items: { enum: ['channel', 'queue', 'priority', 'category', 'agent', 'source'] } },
      settings: { type: 'array', items: { ...str, description: 'a policy document key (dotted path)' } },
      section: { ...str, description: 'the METRICS.md section' },
    },
  },
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: { status: int, message: str, parameter: { ...str, description: 'the parameter at fault, for a 400' } },
        required: ['status', 'message'],
      },
    },
    required: ['error'],
  },
  TableCounts: {
    type: 'object',
    properties: { calls: int, ticket_events: int, complaints: int, etl_runs: int, etl_rejects: int },
  },
  RunSummary: {
    type: 'object',
    properties: {
      runId: int, kind: str, file: str, fileName: str, trigger: { enum: ['cli', 'inbox', 'api', 'demo'] },
      status: { enum: ['running', 'loaded', 'unchanged', 'refused', 'failed'] },
      startedAt: { ...str, format: 'date-time' }, finishedAt: nullable({ ...str, format: 'date-time' }),
      seconds: nullable({ type: 'number' }), bytes: nullable(int), format: nullable(str), encoding: nullable(str),
      sameAsRun: nullable(int), ...counts, error: fileError,
    },
  },
  LoadResult: {
    type: 'object',
    properties: {
      runId: int, kind: { enum: ['calls', 'ticket_events', 'complaints'] }, file: str,
      status: { enum: ['loaded', 'unchanged', 'refused', 'failed'] }, sameAsRun: int, ...counts, error: fileError,
      ms: { type: 'number' },
    },
  },
  InboxEntry: {
    type: 'object',
    properties: {
      file: { ...str, description: 'where the file was found' },
      movedTo: nullable({ ...str, description: 'inbox/loaded/<day>/… or inbox/refused/…' }),
      kind: nullable(str), status: str, load: nullable({ $ref: '#/components/schemas/LoadResult' }), error: fileError,
    },
  },
  Health: {
    type: 'object',
    properties: {
      status: { const: 'ok' },
      database: { type: 'object', properties: { file: str, bytes: nullable(int) } },
      tables: { $ref: '#/components/schemas/TableCounts' },
      lastRun: nullable({ $ref: '#/components/schemas/RunSummary' }),
      timeZone: str,
      uptimeS: int,
      metricSnapshots: {
        type: 'object',
        description: 'stored unit states that make metric reads fast (server/metrics/snapshot); while not current, reads compute live',
        properties: { current: { type: 'boolean' }, horizon: nullable({ ...str, format: 'date-time' }), builtAt: nullable({ ...str, format: 'date-time' }) },
      },
    },
  },
  RejectsPage: {
    type: 'object',
    properties: {
      run: nullable({ $ref: '#/components/schemas/RunSummary' }),
      total: int, limit: int, offset: int,
      rejects: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            line: nullable(int), rule: str, rules: { type: 'array', items: str }, message: str,
            raw: { type: 'object', description: 'the row as read: original column names, text values' },
            retractedFromRun: nullable(int),
          },
        },
      },
    },
  },
  LoadEvent: {
    oneOf: [
      {
        type: 'object',
        properties: { type: { const: 'progress' }, file: str, phase: { enum: ['hash', 'read', 'validate', 'write'] }, fraction: { type: 'number' } },
      },
      { allOf: [{ type: 'object', properties: { type: { const: 'result' } } }, { $ref: '#/components/schemas/LoadResult' }] },
      { allOf: [{ type: 'object', properties: { type: { const: 'facts' } } }, { $ref: '#/components/schemas/FactsRefresh' }] },
      { type: 'object', properties: { type: { const: 'error' }, message: str } },
    ],
  },
  FactsRefresh: {
    type: 'object',
    description: 'a refresh of the derived facts: how many tickets and customers it recomputed',
    properties: { tickets: int, customers: int, ms: { type: 'number' } },
    required: ['tickets', 'customers', 'ms'],
  },
} as const;
