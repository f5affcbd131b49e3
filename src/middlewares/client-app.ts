import fs from 'node:fs';
import path from 'node:path';

/**
 * Serves the applicants' H5 page (the uni-app build) under a path prefix, `/app/` by default, so the
 * page and the API share one origin and the page needs no API address. Hashed assets are cached for
 * good; index.html never, so a new build is picked up at once.
 */
export default (config: { prefix?: string; dir?: string }, { strapi }: { strapi: any }) => {
  const prefix = (config.prefix ?? '/app').replace(/\/$/, '');
  const root = path.resolve(strapi.dirs.app.root, config.dir ?? 'uniapp-client/dist/build/h5');

  return async (ctx: any, next: () => Promise<void>) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || (ctx.path !== prefix && !ctx.path.startsWith(`${prefix}/`)))
      return next();
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);

    const relative = decodeURIComponent(ctx.path.slice(prefix.length + 1)) || 'index.html';
    const file = path.resolve(root, relative);
    // Nothing outside the build folder, however the path is spelled.
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      ctx.status = 404;
      ctx.body = fs.existsSync(root) ? 'Not Found' : 'The H5 page is not built: npm run build:h5';
      return;
    }
    ctx.type = path.extname(file);
    ctx.set('Cache-Control', relative === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    ctx.body = fs.createReadStream(file);
  };
};
