import { getService } from '../utils';

/** Runs after authentication on the staff app's routes: keeps a session Strapi's strategy just verified. */
const rememberStaffSession = () => async (ctx: any, next: () => Promise<void>) => {
  getService('staffSessions').remember(ctx);
  await next();
};

export default rememberStaffSession;
