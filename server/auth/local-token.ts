/**
 * The local admin token: 32 random bytes made at each server start, kept only in
 * memory and in the 0600 runtime file, so only the user who started the server
 * (and their `etl` CLI) can use the ETL endpoints. Nothing is stored in the
 * database: a restart revokes it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, TokenVerifier } from './roles.ts';

export interface LocalAdminToken {
  token: string;
  verify: TokenVerifier;
}

function digest(text: string): Buffer {
  // Equal-length digests let timingSafeEqual compare tokens of any length.
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * @example
 * const admin = createLocalAdminToken();
 * admin.verify(admin.token); // { role: 'admin', subject: 'local-admin' }
 */
export function createLocalAdminToken(token = randomBytes(32).toString('base64url')): LocalAdminToken {
  const expected = digest(token);
  const principal: Principal = Object.freeze({ role: 'admin', subject: 'local-admin' });
  return {
    token,
    verify: (presented) => (timingSafeEqual(digest(presented), expected) ? principal : undefined),
  };
}
