/**
 * One spelling of every path before anything decides on it. Per-IP limits, the sign-in lockout,
 * the private-uploads guard and the static servers all compare `ctx.path`; a client that wrote the same
 * path another way (`/%75ploads/…`, `/uploads%2f…`, `/x/../uploads/…`, `//api/…`, a trailing slash on a
 * POST) would otherwise reach the same file or route without being recognized. Fully decoded, dot
 * segments resolved, repeated slashes folded, then encoded once again the standard way. A path that
 * does not decode is refused.
 */
const MAX_DECODES = 4;

/** The canonical form of a request path, or null when it is not a valid one. */
export const canonicalPath = (raw: string, method = 'GET'): string | null => {
  let decoded = raw;
  try {
    for (let i = 0; i < MAX_DECODES && decoded.includes('%'); i += 1) {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    }
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Backslashes are separators to some servers and proxies: treat them as one here too.
  const segments: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  // Reads keep a directory's trailing slash (the H5 page lives at /app/); writes name a route, never a folder.
  const slash = decoded.endsWith('/') && segments.length > 0 && ['GET', 'HEAD'].includes(method) ? '/' : '';
  return `/${segments.map(encodeSegment).join('/')}${slash}`;
};

const encodeSegment = (segment: string) => encodeURI(segment).replace(/[?#/]/g, (c) => encodeURIComponent(c));

export default () => async (ctx: any, next: () => Promise<void>) => {
  const canonical = canonicalPath(ctx.path, ctx.method);
  if (canonical === null) {
    ctx.status = 400;
    ctx.body = { data: null, error: { status: 400, name: 'BadRequestError', message: '请求路径无效', details: {} } };
    return;
  }
  if (canonical !== ctx.path) ctx.path = canonical;
  await next();
};
