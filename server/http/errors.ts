/**
 * Errors in one place: every route throws HTTPException (with a cause) for what
 * the caller got wrong, and this handler turns it, or any unexpected error, into
 * one JSON shape: `{ error: { status, message, parameter? } }`.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ShuttingDownError } from '../etl-jobs/etl-jobs.ts';
import type { AppEnv } from './app-env.ts';

export interface ErrorBody {
  error: { status: number; message: string; parameter?: string };
}

/** A 400 naming the parameter at fault; the body carries it as `parameter`. */
export class BadParameter extends HTTPException {
  constructor(readonly parameter: string, problem: string, cause?: unknown) {
    super(400, { message: `invalid parameter ${parameter}: ${problem}`, cause });
  }
}

function json(c: Context, status: ContentfulStatusCode, body: ErrorBody, headers?: Headers): Response {
  const res = c.json(body, status);
  headers?.forEach((value, name) => {
    if (name.toLowerCase() !== 'content-type' && name.toLowerCase() !== 'content-length') res.headers.set(name, value);
  });
  return res;
}

export const onError: ErrorHandler<AppEnv> = function onError(err, c) {
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const body: ErrorBody = { error: { status, message: err.message || 'request refused' } };
    if (err instanceof BadParameter) body.error.parameter = err.parameter;
    return json(c, status, body, err.res?.headers);
  }
  if (err instanceof ShuttingDownError) return json(c, 503, { error: { status: 503, message: err.message } });
  // Not the caller's fault: log the detail here, tell the caller only that it failed.
  console.error(`${c.req.method} ${c.req.path} failed:`, err);
  return json(c, 500, { error: { status: 500, message: 'internal error; see the server log' } });
};

export const onApiNotFound: NotFoundHandler<AppEnv> = function onApiNotFound(c) {
  return json(c, 404, { error: { status: 404, message: `no such endpoint: ${c.req.method} ${c.req.path}` } });
};
