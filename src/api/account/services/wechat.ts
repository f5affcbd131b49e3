import type { Core } from '@strapi/strapi';
import createError from 'http-errors';

/** WeChat's jscode2session error codes, as the applicant should hear them. */
const WECHAT_ERRORS: Record<number, [number, string]> = {
  40029: [400, '登录凭证无效或已过期，请重新打开小程序'],
  40163: [400, '登录凭证已被使用，请重新打开小程序'],
  45011: [429, '登录过于频繁，请稍后再试'],
  40226: [403, '该微信账号存在安全风险，已被拦截'],
  [-1]: [503, '微信服务繁忙，请稍后再试'],
};

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

/** The mini-program login exchange; the base URL is configurable so tests reach a local fake. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async codeToSession(code: string): Promise<WechatSession> {
    const { apiBase, appId, secret } = strapi.config.get('wechat') as {
      apiBase: string;
      appId: string;
      secret: string;
    };
    const url = new URL('/sns/jscode2session', apiBase);
    url.search = new URLSearchParams({
      appid: appId,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let body: any;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = await res.json();
    } catch (error: any) {
      strapi.log.warn(`wechat jscode2session failed: ${error.message}`);
      throw createError(502, '无法连接微信服务，请稍后再试');
    }
    if (body.errcode && body.errcode !== 0) {
      const [status, message] = WECHAT_ERRORS[body.errcode] ?? [502, `微信登录失败（${body.errcode}）`];
      throw createError(status, message, { details: { errcode: body.errcode } });
    }
    if (!body.openid || !body.session_key) throw createError(502, '微信登录失败：未返回用户标识');
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  },
});
