import type { Core } from '@strapi/strapi';
import { normalizeMobile } from '../validation/mobile';

const FAILURE = 'api::login-failure.login-failure';

type Realm = 'user' | 'admin';

/** Sign-in endpoints: where each keeps the account's identifier, and whose accounts it signs in. */
const SIGN_INS: Record<string, { field: string; realm: Realm }> = {
  '/api/auth/local': { field: 'identifier', realm: 'user' },
  '/api/account/login': { field: 'mobile', realm: 'user' },
  '/admin/login': { field: 'email', realm: 'admin' },
};

const CREDENTIAL_ERRORS = ['ApplicationError', 'ValidationError', 'UnauthorizedError'];

/**
 * What failures are counted against: the account the identifier names, whichever way it is spelled
 * (an applicant's e-mail in any case, username or mobile number in any spelling; a staff member's
 * e-mail), else the identifier normalized the same way, so that an unknown account is answered and
 * locked exactly like a known one.
 */
const accountKey = async (strapi: Core.Strapi, realm: Realm, raw: string): Promise<string> => {
  const spelled = raw.trim();
  const email = spelled.toLowerCase();
  if (realm === 'admin') {
    const admin = await strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] });
    return admin ? `admin:${admin.id}` : `admin?:${email.slice(0, 200)}`;
  }
  const mobile = normalizeMobile(spelled);
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({
    where: { $or: [{ email }, { username: spelled }, ...(mobile ? [{ mobile }] : [])] },
    select: ['id'],
    orderBy: { id: 'asc' },
  });
  return user ? `user:${user.id}` : `user?:${(mobile ?? email).slice(0, 200)}`;
};

/**
 * Per-account lockout: after `maxFailures` failed sign-ins within `windowMinutes` the account is
 * refused (429) until the window has passed, whatever password is tried and on whichever sign-in
 * route. Runs after the body parser, so it can refuse a locked account before the sign-in is even
 * attempted.
 */
export default (config: { maxFailures?: number; windowMinutes?: number }, { strapi }: { strapi: Core.Strapi }) => {
  const maxFailures = config.maxFailures ?? 5;
  const windowMinutes = config.windowMinutes ?? 15;

  return async (ctx: any, next: () => Promise<void>) => {
    const signIn = ctx.method === 'POST' ? SIGN_INS[ctx.path] : undefined;
    const raw = signIn ? ctx.request.body?.[signIn.field] : undefined;
    if (typeof raw !== 'string' || !raw.trim()) return next();

    const identifier = await accountKey(strapi, signIn!.realm, raw);
    const since = new Date(Date.now() - windowMinutes * 60_000);
    if ((await strapi.db.query(FAILURE).count({ where: { identifier, at: { $gt: since } } })) >= maxFailures) {
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: `登录失败次数过多，账号已锁定，请${windowMinutes}分钟后再试`,
          details: {},
        },
      };
      return;
    }

    const recordFailure = () =>
      strapi.db.query(FAILURE).create({ data: { identifier, ip: ctx.request.ip, at: new Date() } });
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
