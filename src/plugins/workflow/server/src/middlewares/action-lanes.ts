import type { Core } from '@strapi/strapi';
import createError from 'http-errors';
import { getService } from '../utils';

/** A route served without Strapi's router when its caller's token was verified a moment ago. */
interface LaneSpec {
  routes: 'admin' | 'content-api';
  prefix: string;
  handler: string;
  /** What the lane checks itself: a route that declares more must go through Strapi's router. */
  policies: string[];
  sessions: 'staffSessions' | 'applicantSessions';
  /** Whether the route's scope is checked against the ability kept with the token (users-permissions). */
  scoped: boolean;
}

const LANES: LaneSpec[] = [
  // A staff action: the admin strategy's session, and the route's isAuthenticatedAdmin policy.
  { routes: 'admin', prefix: '/workflow', handler: 'staff-orders.act', policies: ['admin::isAuthenticatedAdmin'], sessions: 'staffSessions', scoped: false },
  // An applicant's submission: users-permissions' token, and the route's scope checked against the kept ability.
  { routes: 'content-api', prefix: '/api/workflow', handler: 'applicant-orders.submit', policies: [], sessions: 'applicantSessions', scoped: true },
];

/** The route as the plugin declares it; refuses a route that is not a POST or declares more policies. */
const laneOf = (strapi: Core.Strapi, spec: LaneSpec) => {
  const route = (strapi.plugin('workflow').routes as any)[spec.routes].routes.find((r: any) => r.handler === spec.handler);
  if (route?.method !== 'POST') throw new Error(`action-lanes: ${spec.handler} is not a POST route`);
  const policies = (route.config?.policies ?? []).map((p: any) => (typeof p === 'string' ? p : p?.name));
  if (JSON.stringify(policies) !== JSON.stringify(spec.policies)) throw new Error(`action-lanes: ${spec.handler} is checked for ${spec.policies.join(', ') || 'no policy'} only; it declares ${policies.join(', ')}`);
  const names = [...String(route.path).matchAll(/:(\w+)/g)].map((m) => m[1]);
  const [controller, action] = spec.handler.split('.');
  return { spec, route, names, controller, action, pattern: new RegExp(`^${spec.prefix}${String(route.path).replace(/:\w+/g, '([^/]+)')}/?$`) };
};

/** Strapi's body middleware (koa-body) accepts JSON up to 1 MB; an action's form or an application is far smaller. */
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
 * Two routes without the rest of Strapi's request handling: a staff action and an applicant's
 * submission. A transition's CPU over HTTP was more than twice the engine's own (bench: 6.9 against
 * 3.0 ms), and a submission's, once written in one trip, about a quarter of its 1 ms: Strapi's router
 * matches some 400 routes, builds a passport and a koa-body parser per request, and runs the session,
 * query and static-file middlewares, none of which these need. Placed after everything an operator
 * configures for safety — Strapi's logger, errors, security headers and CORS, and the per-IP limits
 * (config/middlewares.ts) — this serves such a request itself when its bearer token is one Strapi's
 * own strategy verified moments ago (services/verified-sessions.ts): the same authentication, the
 * same checks the route declares (the admin policy; the route's scope against the applicant's kept
 * ability, as users-permissions checks it), then the route's own controller. Anything else,
 * including the first request of a token, goes down Strapi's ordinary path, whose route middleware
 * remembers the token.
 */
const actionLanes = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const lanes = LANES.map((spec) => laneOf(strapi, spec));

  const serve = async (found: ReturnType<typeof laneOf>, match: RegExpExecArray, ctx: any, next: () => Promise<void>) => {
    if (!ctx.is('application/json')) return next();
    const auth = getService(found.spec.sessions).recall(ctx);
    if (!auth) return next();
    // Strapi has written the route's scope into its auth config by now.
    if (found.spec.scoped) await getService(found.spec.sessions).verify(auth, found.route.config.auth);
    ctx.state.isAuthenticated = true;
    ctx.params = Object.fromEntries(found.names.map((name, i) => [name, decode(match[i + 1])]));
    ctx.request.body = await readJson(ctx);
    // The route's own controller: nothing follows it.
    await (strapi.plugin('workflow').controller(found.controller) as any)[found.action](ctx, async () => undefined);
  };

  // Named: tests find it in the server's middleware stack.
  const lane = async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'POST') {
      for (const found of lanes) {
        const match = found.pattern.exec(ctx.path);
        if (match) return serve(found, match, ctx, next);
      }
    }
    return next();
  };
  return lane;
};

export default actionLanes;
