/** The Hono environment shared by every route: what middleware leaves on the context. */
import type { Principal } from '../auth/roles.ts';

export interface AppEnv {
  Variables: {
    /** Set by requireToken() on protected routes. */
    principal: Principal;
  };
}
