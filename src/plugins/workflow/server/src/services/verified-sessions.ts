import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { WorkflowConfig } from '../config';

/*
 * Strapi verifies a token on every request and reads what it needs to answer for it each time: for
 * staff the session, the user, its roles and permissions (with about 1 ms of JWT work: jsonwebtoken
 * first tries the secret as a public key); for applicants an API token lookup, the user, its role, the
 * advanced settings and the role's permissions, then a CASL ability. That was about half of what a
 * transition cost and a third of a submission. A token Strapi's own strategy verified is kept
 * `sessionCacheSeconds` (never past its expiry); everything kept is dropped at once when any record
 * that could end or narrow it changes on this instance, and another instance sees such a change
 * within that time.
 */

/** Beyond this many tokens the oldest are dropped first. */
const MAX_SESSIONS = 10_000;

interface Remembered {
  until: number;
  user: any;
  ability: unknown;
  session: { id: string } | null;
}

interface Options {
  /** The name of Strapi's strategy whose verified tokens are kept. */
  strategy: string;
  /** Content types whose change may end or narrow a kept token. */
  models: string[];
}

const bearer = (ctx: any): string | null => {
  const [scheme, token, extra] = String(ctx.request.header.authorization ?? '').split(/\s+/);
  return scheme?.toLowerCase() === 'bearer' && token && extra === undefined ? token : null;
};

/** The token's own expiry (ms); it was verified by Strapi just before it is remembered. */
const expiryOf = (token: string): number => {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
};

/** A service keeping the tokens one of Strapi's strategies verified, for routes that name it (strategies/). */
const verifiedSessions = (options: Options) => ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = new Map<string, Remembered>();
  /** Strapi's strategy itself: its `verify` checks a route's scope against the kept ability. */
  let delegate: { verify?: (auth: unknown, config: unknown) => unknown } | null = null;
  const forget = () => sessions.clear();
  strapi.db.lifecycles.subscribe({
    models: options.models,
    afterCreate: forget,
    afterCreateMany: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  } as any);

  return {
    /** The remembered authentication of this request's token, set on ctx as Strapi's strategy would; null when none. */
    recall(ctx: any) {
      const token = bearer(ctx);
      const hit = token ? sessions.get(token) : undefined;
      if (!hit) return null;
      if (hit.until <= Date.now()) {
        sessions.delete(token!);
        return null;
      }
      const user = { ...hit.user };
      ctx.state.user = user;
      ctx.state.userAbility = hit.ability;
      if (hit.session) ctx.state.session = hit.session;
      return { authenticated: true, credentials: user, ability: hit.ability };
    },

    /** Keeps what Strapi's own strategy just verified for this request's token. */
    remember(ctx: any) {
      const token = bearer(ctx);
      const auth = ctx.state.auth;
      if (!token || auth?.strategy?.name !== options.strategy || !ctx.state.user) return;
      const { sessionCacheSeconds } = strapi.config.get('plugin::workflow') as WorkflowConfig;
      const until = Math.min(Date.now() + sessionCacheSeconds * 1000, expiryOf(token));
      if (until <= Date.now()) return;
      delegate = auth.strategy;
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(token, { until, user: ctx.state.user, ability: auth.ability, session: ctx.state.session?.id ? { id: ctx.state.session.id } : null });
    },

    /** A route's scope, checked as Strapi's strategy checks it. */
    async verify(auth: unknown, config: unknown) {
      if (!delegate) throw new errors.UnauthorizedError();
      return delegate.verify?.(auth, config);
    },
  };
};

export default verifiedSessions;
