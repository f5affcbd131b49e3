import verifiedSessions from './verified-sessions';

/**
 * Applicant tokens Strapi's `users-permissions` strategy verified, kept briefly for the applicant
 * routes. The advanced settings (whether unconfirmed accounts may sign in) live in the core store;
 * sessions, in the refresh mode, in admin::session.
 */
export default verifiedSessions({
  strategy: 'users-permissions',
  models: ['plugin::users-permissions.user', 'plugin::users-permissions.role', 'plugin::users-permissions.permission', 'strapi::core-store', 'admin::session'],
});
