import verifiedSessions from './verified-sessions';

/** Staff sessions Strapi's `admin` strategy verified, kept briefly for the staff app's routes. */
export default verifiedSessions({
  strategy: 'admin',
  models: ['admin::user', 'admin::role', 'admin::permission', 'admin::session'],
});
