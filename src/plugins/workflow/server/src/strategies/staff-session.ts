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

/**
 * Route config: the remembered session first, then Strapi's own strategies by name; the middleware that
 * remembers. A new object per route: Strapi writes each route's scope into its `auth`.
 */
export const staffAuth = () => ({
  auth: { strategies: [staffSession, 'admin', 'admin-token'] },
  middlewares: [{ name: 'plugin::workflow.remember-session', config: { sessions: 'staffSessions' } }],
});
