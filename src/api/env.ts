import type { ActiveSession } from '../services/auth/sessions.js';

/** What middleware leaves on the request context for the routes. */
export interface AppEnv {
  Variables: {
    /** The logged-in session, or null. */
    session: ActiveSession | null;
    /** Set by a route's permission check; a response without it is refused (deny by default). */
    authorized: boolean;
    /** The client address, for the audit log and login rate limits. */
    ip: string;
  };
}
