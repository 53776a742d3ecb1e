/**
 * The one-time login link of DESIGN.md ("npm start prints a one-time login link
 * for a local admin, as notebook servers do"). The server holds one unused code at
 * a time; exchanging it (POST /api/auth/login) gives the browser a session token
 * and makes a new code, so the terminal always shows a link that still works.
 * Codes and session tokens live only in memory, as digests: a restart revokes
 * them, like the local admin token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal, Role, TokenVerifier } from './roles.ts';

export interface LoginSession {
  token: string;
  role: Role;
  subject: string;
  expiresAt: Date;
}

export interface LoginSessionsOptions {
  /** Role a link grants; the local link is for the local admin. */
  role?: Role;
  subject?: string;
  /** Session lifetime; default 12 hours (a working day). */
  ttlMs?: number;
  /** Told about every new code (main prints the link). */
  onCode?: (code: string) => void;
  now?: () => number;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export class LoginSessions {
  readonly #role: Role;
  readonly #subject: string;
  readonly #ttlMs: number;
  readonly #onCode: (code: string) => void;
  readonly #now: () => number;
  #codeDigest = '';
  readonly #sessions = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(options: LoginSessionsOptions = {}) {
    this.#role = options.role ?? 'admin';
    this.#subject = options.subject ?? 'local-admin';
    this.#ttlMs = options.ttlMs ?? 12 * 3600_000;
    this.#onCode = options.onCode ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** Makes a new code (the previous one stops working) and returns it. */
  issueCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.#codeDigest = digest(code);
    this.#onCode(code);
    return code;
  }

  /** Trades the current code for a session; undefined for a wrong or used code. */
  exchange(code: string): LoginSession | undefined {
    if (!this.#codeDigest || digest(code) !== this.#codeDigest) return undefined;
    this.#codeDigest = '';
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#now() + this.#ttlMs;
    const principal: Principal = Object.freeze({ role: this.#role, subject: this.#subject });
    this.#sessions.set(digest(token), { principal, expiresAt });
    this.issueCode();
    return { token, role: principal.role, subject: principal.subject, expiresAt: new Date(expiresAt) };
  }

  readonly verify: TokenVerifier = (token) => {
    const key = digest(token);
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= this.#now()) {
      this.#sessions.delete(key);
      return undefined;
    }
    return session.principal;
  };

  /** Ends a session (logout); true when it existed. */
  revoke(token: string): boolean {
    return this.#sessions.delete(digest(token));
  }
}

/** A verifier that asks each in turn (the local admin token, then sessions, later a token table). */
export function anyOf(...verifiers: TokenVerifier[]): TokenVerifier {
  return async (token) => {
    for (const verify of verifiers) {
      const principal = await verify(token);
      if (principal) return principal;
    }
    return undefined;
  };
}
