/**
 * Request schemas of the ETL endpoints: the routes validate with them and the
 * OpenAPI document is generated from them, so the two cannot disagree.
 */
import { z } from 'zod';
import { parseSourceKind } from '../../etl/sources/index.ts';

export const KIND_NAMES = ['calls', 'tickets', 'ticket_events', 'complaints'] as const;

export const kindParam = z
  .string()
  .describe('calls, tickets (or ticket_events) or complaints')
  .transform((value, ctx) => {
    const kind = parseSourceKind(value);
    if (kind) return kind;
    ctx.addIssue({ code: 'custom', message: `unknown kind '${value}'; expected one of ${KIND_NAMES.join(', ')}` });
    return z.NEVER;
  });

export const loadBody = z.object({
  kind: kindParam,
  files: z.array(z.string().min(1)).min(1).max(1000).describe('paths on the server machine, loaded in this order'),
  encoding: z.enum(['auto', 'utf-8', 'gbk', 'gb18030']).optional().describe('text encoding; default auto-detect'),
  force: z.boolean().optional().describe('load even if the same content was loaded before'),
});

export const demoBody = z.object({
  days: z.number().int().min(1).max(366).default(90),
  seed: z.number().int().default(1),
  end: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 instant with Z or an offset, e.g. 2026-03-01T00:00:00+08:00' }).optional().describe('end of the demo period (exclusive), ISO 8601 instant; default now'),
});

export const factsBody = z.object({
  full: z.boolean().optional().describe('recompute every fact, not only what loads touched (after a policy or schema change); default false'),
});

/** A query-string integer: `?limit=20`. Empty or repeated values are refused, not guessed. */
function queryInt(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

export const runsQuery = z.object({
  limit: queryInt(1, 500).default(50).describe('how many runs, newest first (at most 500)'),
});

export const rejectsQuery = z.object({
  run: queryInt(1, Number.MAX_SAFE_INTEGER).optional().describe('run id; default the newest run that has rejects'),
  limit: queryInt(1, 1000).default(100),
  offset: queryInt(0, Number.MAX_SAFE_INTEGER).default(0),
});
