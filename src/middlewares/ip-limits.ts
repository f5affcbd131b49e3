/**
 * Per-IP limits on the endpoints worth abusing: sign-in, registration, submitting applications.
 * Counted in memory per instance (a fixed window); behind a proxy, set `server.proxy` so the IP is
 * the client's.
 */
interface Rule {
  name: string;
  method: string;
  paths: string[];
  max: number;
  windowSeconds: number;
}

export default (config: { rules?: Rule[] }) => {
  const rules = (config.rules ?? []).filter((r) => r.max > 0);
  const hits = new Map<string, { count: number; resetAt: number }>();

  return async (ctx: any, next: () => Promise<void>) => {
    const rule = rules.find((r) => r.method === ctx.method && r.paths.includes(ctx.path));
    if (rule) {
      const key = `${rule.name}:${ctx.request.ip}`;
      const now = Date.now();
      let entry = hits.get(key);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
        hits.set(key, entry);
      }
      entry.count += 1;
      if (entry.count > rule.max) {
        ctx.set('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
        ctx.status = 429;
        ctx.body = {
          data: null,
          error: {
            status: 429,
            name: 'RateLimitError',
            message: '请求过于频繁，请稍后再试',
            details: { limit: rule.name },
          },
        };
        return;
      }
    }
    await next();
  };
};
