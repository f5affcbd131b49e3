import { getService } from '../utils';

export interface RememberSessionConfig {
  sessions: 'staffSessions' | 'applicantSessions';
}

/** Runs after authentication on the routes that name a remembered session: keeps what Strapi's strategy just verified. */
const rememberSession = (config: RememberSessionConfig) => async (ctx: any, next: () => Promise<void>) => {
  getService(config.sessions).remember(ctx);
  await next();
};

export default rememberSession;
