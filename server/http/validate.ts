/**
 * Request validation with zod, as Hono middleware so handlers get typed values
 * from `c.req.valid(...)`. A failure is a 400 naming the first bad parameter,
 * never a 500.
 */
import type { Context } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { BadParameter } from './errors.ts';

function parameterName(where: 'query' | 'body', path: readonly PropertyKey[]): string {
  if (path.length === 0) return where;
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function check<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new BadParameter(parameterName(where, issue.path), issue.message, result.error);
}

/** Validates the query string (a repeated key arrives as an array). */
export function queryOf<S extends z.ZodType>(schema: S) {
  return validator('query', (value) => check(schema, value, 'query'));
}

/**
 * Validates a JSON body. Hono parses it first (a malformed body is already a 400
 * there); a body sent without a JSON content type is refused here rather than
 * read as empty, which would blame the wrong parameter.
 */
export function jsonBodyOf<S extends z.ZodType>(schema: S) {
  return validator('json', (value, c: Context) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
      throw new BadParameter('body', 'expected a JSON body (Content-Type: application/json)');
    }
    return check(schema, value, 'body');
  });
}

/** Validates path parameters (`/:kind/:id`). */
export function paramOf<S extends z.ZodType>(schema: S) {
  return validator('param', (value) => check(schema, value, 'query'));
}
