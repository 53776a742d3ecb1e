/**
 * Roles of DESIGN.md "Roles and privacy". compliance and analyst are siblings
 * (neither includes the other), so a role grants a set, not a rank.
 */
export const ROLES = ['viewer', 'compliance', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const GRANTS: Readonly<Record<Role, readonly Role[]>> = {
  viewer: ['viewer'],
  compliance: ['viewer', 'compliance'],
  analyst: ['viewer', 'analyst'],
  admin: ROLES,
};

/** Who made a request, as established by a token. */
export interface Principal {
  role: Role;
  /** Stable name for audit logs: 'local-admin' now, a token id later. */
  subject: string;
}

export function roleAllows(have: Role, need: Role): boolean {
  return GRANTS[have].includes(need);
}

/**
 * Turns a presented bearer token into a principal, or undefined when unknown.
 * The local admin token implements it today; a hashed token table can implement
 * it later (and the two be tried in turn) without touching the middleware.
 */
export type TokenVerifier = (token: string) => Principal | undefined | Promise<Principal | undefined>;
