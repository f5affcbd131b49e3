import { getService } from '../utils';

/**
 * The staff app's routes authenticate with this first: a token Strapi's admin strategy verified a
 * moment ago is answered from memory (services/staff-sessions.ts); otherwise Strapi's own strategies
 * run as on any admin route, and the route's middleware remembers what they verified.
 */
export const staffSession = {
  name: 'workflow-staff-session',
  authenticate: async (ctx: any) => getService('staffSessions').recall(ctx) ?? { authenticated: false },
};

/** Route auth config: the remembered session, then Strapi's admin strategies by name. */
export const STAFF_AUTH = { strategies: [staffSession, 'admin', 'admin-token'] };
