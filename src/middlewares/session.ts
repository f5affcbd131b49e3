import type { Core } from '@strapi/strapi';
import { createSession } from 'koa-session';

/** Strapi's defaults for its session cookie (`strapi::session`). */
const DEFAULTS = {
  key: 'koa.sess',
  maxAge: 86_400_000,
  autoCommit: true,
  overwrite: true,
  httpOnly: true,
  signed: true,
  rolling: false,
  renew: false,
  secure: process.env.NODE_ENV === 'production',
};

/**
 * koa-session where config/middlewares.ts places it. Strapi's own `strapi::session` adds it to the
 * server while the list is being resolved, ahead of every middleware whatever its place: every
 * request, a staff action too, built a session and committed it at the end (2 % of a transition's
 * time in the bench profile). Only sign-in with an OAuth provider (users-permissions' connect) uses
 * the session, behind the router.
 */
export default (config: Record<string, unknown>, { strapi }: { strapi: Core.Strapi }) => {
  const keys = strapi.server.app.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k: unknown) => !k)) {
    throw new Error(`App keys are required. Please set app.keys in config/server.ts (ex: keys: ['myKeyA', 'myKeyB'])`);
  }
  return createSession({ ...DEFAULTS, ...config } as any, strapi.server.app);
};
