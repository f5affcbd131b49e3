import type { Core } from '@strapi/strapi';
import { formatBytes } from '../plugins/workflow/server/src/utils';

/**
 * Every refusal speaks Chinese. The app's own errors already do; what Strapi, its plugins and koa-body
 * answer in English (a wrong password, a missing token, a body too large, an unknown route) is put in
 * Chinese here, once, for the routes applicants and staff call. Strapi's own admin panel routes keep
 * Strapi's messages (its screens are translated by the panel). Details (which field) are kept; a message
 * that names an internal path is replaced like any other English one.
 */
const BY_MESSAGE: Record<string, string> = {
  'Invalid identifier or password': '账号或密码错误',
  'Invalid credentials': '账号或密码错误',
  'Your account has been blocked by an administrator': '账号已被停用，请联系管理员',
  'Your account email is not confirmed': '账号尚未验证',
  'Email or Username are already taken': '用户名或邮箱已被注册',
  'Missing or invalid credentials': '请先登录',
};

const BY_STATUS: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  405: '不支持此请求方法',
  409: '数据已被他人修改，请刷新后重试',
  413: '请求内容过大',
  415: '不支持的内容类型',
  422: '请求无法处理',
  429: '请求过于频繁，请稍后再试',
};

const CHINESE = /[\u4e00-\u9fff]/;

/** Strapi's admin panel talks to these; the panel shows its own translated texts. */
const STRAPI_ADMIN = /^\/(admin|content-manager|content-type-builder|upload|i18n|users-permissions)(\/|$)/;
const OWN_ADMIN_ROUTES = ['/admin/login'];

const inChinese = (status: number, message: unknown) =>
  typeof message === 'string' && CHINESE.test(message)
    ? message
    : (BY_MESSAGE[String(message)] ?? BY_STATUS[status] ?? '请求有误');

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  /** koa-body stops reading an upload at UPLOAD_SIZE_LIMIT (before any processing) and says `FileTooBig`. */
  const fileTooBig = () => {
    const message = `文件不能超过${formatBytes(Number(strapi.config.get('plugin::upload.sizeLimit')))}`;
    return { message: '附件过大', details: { errors: [{ path: ['file'], message, name: 'ValidationError' }] } };
  };

  return async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.status < 400 || ctx.status >= 500) return;
    if (STRAPI_ADMIN.test(ctx.path) && !OWN_ADMIN_ROUTES.includes(ctx.path)) return;
    const error = ctx.body?.error;
    if (error && typeof error === 'object') {
      Object.assign(
        error,
        error.message === 'FileTooBig' ? fileTooBig() : { message: inChinese(ctx.status, error.message) },
      );
    } else if (typeof ctx.body === 'string' || ctx.body === undefined || ctx.body === null) {
      ctx.body = {
        data: null,
        error: { status: ctx.status, name: 'Error', message: inChinese(ctx.status, ctx.body), details: {} },
      };
    }
  };
};
