import type { Core } from '@strapi/strapi';

const FAILURE = 'api::login-failure.login-failure';

/** Sign-in endpoints and where each keeps the account's identifier. */
const SIGN_INS: Record<string, string> = {
  '/api/auth/local': 'identifier',
  '/admin/login': 'email',
  '/api/account/login': 'mobile',
};

const CREDENTIAL_ERRORS = ['ApplicationError', 'ValidationError', 'UnauthorizedError'];

/**
 * Per-account lockout: after `maxFailures` failed sign-ins within `windowMinutes` the account is
 * refused (429) until the window has passed, whatever password is tried. Runs after the body parser,
 * so it can refuse a locked account before the sign-in is even attempted.
 */
export default (config: { maxFailures?: number; windowMinutes?: number }, { strapi }: { strapi: Core.Strapi }) => {
  const maxFailures = config.maxFailures ?? 5;
  const windowMinutes = config.windowMinutes ?? 15;

  return async (ctx: any, next: () => Promise<void>) => {
    const field = ctx.method === 'POST' ? SIGN_INS[ctx.path] : undefined;
    const raw = field ? ctx.request.body?.[field] : undefined;
    if (typeof raw !== 'string' || !raw.trim()) return next();

    const identifier = `${ctx.path}:${raw.trim().toLowerCase()}`;
    const since = new Date(Date.now() - windowMinutes * 60_000);
    if ((await strapi.db.query(FAILURE).count({ where: { identifier, at: { $gt: since } } })) >= maxFailures) {
      ctx.status = 429;
      ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message: `登录失败次数过多，账号已锁定，请${windowMinutes}分钟后再试`, details: {} } };
      return;
    }

    const recordFailure = () => strapi.db.query(FAILURE).create({ data: { identifier, ip: ctx.request.ip, at: new Date() } });
    try {
      await next();
    } catch (error: any) {
      // Strapi's application errors carry no status; they become 400 (wrong credentials).
      if (CREDENTIAL_ERRORS.includes(error?.name) || [400, 401].includes(error?.status)) await recordFailure();
      throw error;
    }
    if (ctx.status === 400 || ctx.status === 401) await recordFailure();
    else if (ctx.status === 200) await strapi.db.query(FAILURE).deleteMany({ where: { identifier } });
  };
};
