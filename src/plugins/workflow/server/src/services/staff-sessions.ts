import type { Core } from '@strapi/strapi';
import type { WorkflowConfig } from '../config';

/*
 * Strapi's own admin authentication verifies the JWT (about 1 ms of CPU here: jsonwebtoken first tries
 * the secret as a public key) and reads the session, the user, its roles and permissions on every
 * request: about half of what a transition costs. A verified session is kept `sessionCacheSeconds`
 * (never past the token's expiry); everything it read is dropped at once when it changes on this
 * instance, and another instance sees a logout, a deactivation or a permission change within that time.
 */

/** Beyond this many sessions the oldest are dropped first. */
const MAX_SESSIONS = 10_000;
/** What a change of any of these may revoke or narrow. */
const AUTH_MODELS = ['admin::user', 'admin::role', 'admin::permission', 'admin::session'];

interface Remembered {
  until: number;
  user: any;
  ability: unknown;
  sessionId: string;
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

/** Staff sessions Strapi's admin authentication verified, kept briefly for the staff app's own routes. */
const staffSessions = ({ strapi }: { strapi: Core.Strapi }) => {
  const sessions = new Map<string, Remembered>();
  const forget = () => sessions.clear();
  strapi.db.lifecycles.subscribe({
    models: AUTH_MODELS,
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
      ctx.state.session = { id: hit.sessionId };
      return { authenticated: true, credentials: user, ability: hit.ability };
    },

    /** Keeps what Strapi's own admin strategy just verified for this request's token. */
    remember(ctx: any) {
      const token = bearer(ctx);
      const auth = ctx.state.auth;
      if (!token || auth?.strategy?.name !== 'admin' || !ctx.state.user || !ctx.state.session?.id) return;
      const { sessionCacheSeconds } = strapi.config.get('plugin::workflow') as WorkflowConfig;
      const until = Math.min(Date.now() + sessionCacheSeconds * 1000, expiryOf(token));
      if (until <= Date.now()) return;
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(token, { until, user: ctx.state.user, ability: auth.ability, sessionId: ctx.state.session.id });
    },
  };
};

export default staffSessions;
