import type { Core } from '@strapi/strapi';

/**
 * Strapi's security middleware (`strapi::security`: helmet with Strapi's content security policy)
 * merges its configuration with lodash's defaultsDeep and builds a new helmet on every request: about
 * 0.2 ms of CPU each in the bench's profile of a transition, as much as the engine's own row mapping.
 * What it sets depends on its configuration alone, except where it adds exceptions of its own (GETs
 * under /documentation, and the admin panel's GETs in development for Vite). Wrapped here (register,
 * src/index.ts), Strapi's own middleware runs with its configuration from config/middlewares.ts once
 * for the other requests, whose headers are then set again from memory, and every time for those.
 */
const EXCEPTION_PATHS = ['/documentation'];

type MiddlewareFactory = (config: any, context: { strapi: Core.Strapi }) => (ctx: any, next: () => Promise<void>) => Promise<unknown>;

const rememberSecurityHeaders = (strapiFactory: MiddlewareFactory): MiddlewareFactory => (config, { strapi }) => {
  const strapiSecurity = strapiFactory(config, { strapi });
  // GraphQL's playground adds exceptions of its own: with that plugin, Strapi's middleware runs as it is.
  if (strapi.plugin('graphql')) return strapiSecurity;
  const adminPath = String(strapi.config.get('admin.path', '/admin'));
  const development = ['development', 'test'].includes(process.env.NODE_ENV ?? '');
  const hasExceptions = (ctx: any) =>
    ctx.method === 'GET' && (EXCEPTION_PATHS.some((p) => ctx.path.startsWith(p)) || (development && ctx.path.startsWith(adminPath)));

  let remembered: { set: Array<[string, string | string[]]>; removed: string[] } | null = null;

  return async (ctx: any, next: () => Promise<void>) => {
    if (hasExceptions(ctx)) return strapiSecurity(ctx, next);
    if (remembered) {
      for (const name of remembered.removed) ctx.remove(name);
      for (const [name, value] of remembered.set) ctx.set(name, value);
      return next();
    }
    const before = { ...ctx.response.headers };
    return strapiSecurity(ctx, async () => {
      const after = ctx.response.headers;
      remembered = {
        set: Object.entries(after).filter(([name, value]) => before[name] !== value) as Array<[string, string | string[]]>,
        removed: Object.keys(before).filter((name) => !(name in after)),
      };
      await next();
    });
  };
};

/** Strapi's `strapi::security`, its headers kept (see above). */
export const keepSecurityHeaders = (strapi: Core.Strapi) => {
  strapi.get('middlewares').extend('strapi::security', rememberSecurityHeaders as any);
};
