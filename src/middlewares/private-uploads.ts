/**
 * Uploaded attachments are private: their public URLs answer 404. Files are served only through the
 * workflow's download routes, which check who may see the order.
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.path.startsWith('/uploads/')) {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } };
    return;
  }
  await next();
};
