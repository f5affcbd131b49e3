import { getService } from '../utils';

/**
 * The applicant routes authenticate with this first: a token Strapi's users-permissions strategy
 * verified a moment ago is answered from memory (services/applicant-sessions.ts), and the route's scope
 * is checked against the ability kept with it; otherwise users-permissions runs as on any content-API
 * route (API tokens have no applicant to act for, so that strategy is not asked).
 */
export const applicantSession = {
  name: 'workflow-applicant-session',
  authenticate: async (ctx: any) => getService('applicantSessions').recall(ctx) ?? { authenticated: false },
  verify: (auth: unknown, config: unknown) => getService('applicantSessions').verify(auth, config),
};

/**
 * Route config: the remembered session first, then Strapi's own strategies by name; the middleware that
 * remembers. A new object per route: Strapi writes each route's scope into its `auth`.
 */
export const applicantAuth = () => ({
  auth: { strategies: [applicantSession, 'users-permissions'] },
  middlewares: [{ name: 'plugin::workflow.remember-session', config: { sessions: 'applicantSessions' } }],
});
