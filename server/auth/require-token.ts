/**
 * `requireToken({ verify, role })`: the one gate in front of protected routes.
 * It reads `Authorization: Bearer <token>`, asks the verifier who that is, checks
 * the role and leaves the principal on the context for handlers and audit logs.
 */
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../http/app-env.ts';
import { roleAllows, type Role, type TokenVerifier } from './roles.ts';

export interface RequireTokenOptions {
  verify: TokenVerifier;
  /** Role the routes behind this gate need; default admin. */
  role?: Role;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function unauthorized(message: string): HTTPException {
  const res = new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="support-radar"' } });
  return new HTTPException(401, { message, res });
}

export function requireToken(options: RequireTokenOptions): MiddlewareHandler<AppEnv> {
  const need = options.role ?? 'admin';
  const verify = options.verify;
  return async function requireTokenMiddleware(c, next) {
    const header = c.req.header('Authorization');
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw unauthorized('a token is required: send Authorization: Bearer <token>');
    const principal = await verify(token);
    if (!principal) throw unauthorized('the token is not valid (tokens change when the server restarts)');
    if (!roleAllows(principal.role, need)) {
      throw new HTTPException(403, { message: `this needs the ${need} role; the token has ${principal.role}` });
    }
    c.set('principal', principal);
    await next();
  };
}
