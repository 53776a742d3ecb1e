/**
 * /api/auth: the dashboard's way in. POST /login trades the one-time code of the
 * link `npm start` prints for a session token (sent afterwards as a bearer token,
 * so no cookie and no cross-site request forgery); GET /me says who a token is;
 * POST /logout ends the session.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { LoginSessions } from '../auth/login-sessions.ts';
import { requireToken } from '../auth/require-token.ts';
import type { TokenVerifier } from '../auth/roles.ts';
import type { AppEnv } from '../http/app-env.ts';
import { jsonBodyOf } from '../http/validate.ts';

export const loginBody = z.object({ code: z.string().min(1).max(200) }).strict();

export function authRoutes(deps: { verify: TokenVerifier; login?: LoginSessions }) {
  const signedIn = requireToken({ verify: deps.verify, role: 'viewer' });
  return new Hono<AppEnv>()
    .post('/login', jsonBodyOf(loginBody), (c) => {
      const session = deps.login?.exchange(c.req.valid('json').code);
      if (!session) {
        throw new HTTPException(401, { message: 'the login code is not valid: it works once, and not after a restart; use the newest link the server printed' });
      }
      return c.json({ token: session.token, role: session.role, subject: session.subject, expires_at: session.expiresAt.toISOString() });
    })
    .get('/me', signedIn, (c) => c.json(c.get('principal')))
    .post('/logout', signedIn, (c) => {
      const token = /^Bearer\s+(\S+)/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
      return c.json({ ended: deps.login?.revoke(token) ?? false });
    });
}
