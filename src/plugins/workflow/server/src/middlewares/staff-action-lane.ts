import type { Core } from '@strapi/strapi';
import createError from 'http-errors';
import { getService } from '../utils';

const HANDLER = 'staff-orders.act';
/** What the lane checks itself: a route that declares more must go through Strapi's router. */
const LANE_POLICIES = ['admin::isAuthenticatedAdmin'];

/** The action route's path as routes/admin declares it, under the plugin's prefix; refuses a route that declares more policies. */
const actionPath = (strapi: Core.Strapi) => {
  const route = (strapi.plugin('workflow').routes as any).admin.routes.find((r: any) => r.handler === HANDLER);
  if (route?.method !== 'POST') throw new Error(`staff-action-lane: ${HANDLER} is not a POST route`);
  const policies = (route.config?.policies ?? []).map((p: any) => (typeof p === 'string' ? p : p?.name));
  if (JSON.stringify(policies) !== JSON.stringify(LANE_POLICIES)) throw new Error(`staff-action-lane checks ${LANE_POLICIES.join(', ')} only; ${HANDLER} declares ${policies.join(', ')}`);
  const names = [...String(route.path).matchAll(/:(\w+)/g)].map((m) => m[1]);
  return { names, pattern: new RegExp(`^/workflow${String(route.path).replace(/:\w+/g, '([^/]+)')}/?$`) };
};

/** Strapi's body middleware (koa-body) accepts JSON up to 1 MB; a staff action's form is far smaller. */
const JSON_LIMIT = 1024 * 1024;

/** As the router decodes path parameters: a malformed escape is kept as it was sent. */
const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const readBody = (req: NodeJS.ReadableStream): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > JSON_LIMIT) {
        req.removeAllListeners('data');
        req.resume();
        reject(createError(413, '请求内容过大'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const readJson = async (ctx: any): Promise<unknown> => {
  if (Number(ctx.get('content-length') || 0) > JSON_LIMIT) throw createError(413, '请求内容过大');
  const text = (await readBody(ctx.req)).toString('utf8');
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw createError(400, '请求内容不是有效的 JSON');
  }
};

/**
 * The transition route without the rest of Strapi's request handling. A transition's CPU over HTTP
 * was more than twice the engine's own (bench: 6.9 against 3.0 ms): Strapi's router matches some 400
 * routes, builds a passport and a koa-body parser per request, and runs the session, query and
 * static-file middlewares, none of which a staff action needs. Placed after everything an operator
 * configures for safety — Strapi's logger, errors, security headers and CORS, and the per-IP limits
 * (config/middlewares.ts) — this serves `POST …/actions/:action` itself when the bearer token is a
 * staff session Strapi's admin strategy verified moments ago (services/staff-sessions.ts): the same
 * authentication, and the same `isAuthenticatedAdmin` policy, the route declares, then the route's
 * own controller. Anything else, including the first request of a session, goes down Strapi's
 * ordinary path, whose route middleware remembers the session.
 */
const staffActionLane = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const route = actionPath(strapi);
  // Named: tests find it in the server's middleware stack.
  const lane = async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'POST') return next();
    const match = route.pattern.exec(ctx.path);
    if (!match || !ctx.is('application/json')) return next();
    if (!getService('staffSessions').recall(ctx)) return next();
    ctx.state.isAuthenticated = true;
    ctx.params = Object.fromEntries(route.names.map((name, i) => [name, decode(match[i + 1])]));
    ctx.request.body = await readJson(ctx);
    // The route's own controller: nothing follows it.
    await strapi.plugin('workflow').controller('staff-orders').act(ctx, async () => undefined);
  };
  return lane;
};

export default staffActionLane;
