/**
 * Uploaded attachments are private: their public URLs answer 404, however the path is spelled
 * (`global::canonical-path` runs first, so `/%75ploads/…`, `/x/../uploads/…` and the like arrive here as
 * `/uploads/…`). Files are served only through the workflow's download routes, which check who may see
 * the order.
 */
const PRIVATE = '/uploads';

export default () => async (ctx: any, next: () => Promise<void>) => {
  const path = String(ctx.path).toLowerCase();
  if (path === PRIVATE || path.startsWith(`${PRIVATE}/`)) {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: '文件不存在', details: {} } };
    return;
  }
  await next();
};
