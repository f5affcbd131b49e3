import type { Core } from '@strapi/strapi';
import type { WorkflowConfig } from '../config';
import type { SendOutcome } from './sms';

interface WechatSettings {
  apiBase: string;
  appId: string;
  secret: string;
}

/** Token errors: the cached token is no good; fetch a new one and try again. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** The request is wrong (template, data, user): sending again cannot help. */
const PERMANENT = new Set([40003, 40037, 47003, 43107]);
/** The user has no subscription left for this template: nothing to send, not a failure. */
const NO_SUBSCRIPTION = 43101;

/**
 * WeChat subscribe messages to mini-program users. The access token is cached until shortly before
 * it expires (WeChat limits how often it may be fetched); the API base is the app's `wechat` config.
 */
const wechat = ({ strapi }: { strapi: Core.Strapi }) => {
  const app = () => strapi.config.get('wechat') as WechatSettings;
  const own = () => (strapi.config.get('plugin::workflow') as WorkflowConfig).wechat;
  let token: { value: string; until: number } | null = null;

  const accessToken = async (now: number) => {
    if (token && token.until > now) return token.value;
    const { apiBase, appId, secret } = app();
    const url = `${apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(secret)}`;
    const body = (await (await fetch(url)).json()) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!body.access_token) throw new Error(`获取access_token失败：${body.errcode} ${body.errmsg}`);
    token = { value: body.access_token, until: now + ((body.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };

  return {
    /** The template ids the mini-program asks the user to subscribe to when they apply. */
    templateIds: () => [...new Set(Object.values(own().templates).map((t) => t.id))],

    async send(openid: string, template: string, payload: Record<string, unknown>, now: number): Promise<SendOutcome> {
      const config = own().templates[template];
      if (!config) return { ok: 'skipped', reason: `未配置订阅消息模板：${template}` };
      const fields = config.fields ?? { character_string1: 'number', thing2: 'stepLabel' };
      // WeChat limits `thing` values to 20 characters.
      const data = Object.fromEntries(
        Object.entries(fields).map(([key, from]) => [key, { value: String(payload[from] ?? '').slice(0, 20) }]),
      );
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          const res = await fetch(
            `${app().apiBase}/cgi-bin/message/subscribe/send?access_token=${await accessToken(now)}`,
            {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                touser: openid,
                template_id: config.id,
                page: `${own().page}?number=${payload.number ?? ''}`,
                data,
              }),
            },
          );
          const body = (await res.json()) as { errcode?: number; errmsg?: string; msgid?: number };
          if (!body.errcode) return { ok: true, providerId: String(body.msgid ?? '') };
          if (body.errcode === NO_SUBSCRIPTION) return { ok: 'skipped', reason: '用户未订阅或订阅次数已用完（43101）' };
          if (TOKEN_ERRORS.has(body.errcode) && attempt === 0) {
            token = null;
            continue;
          }
          return { ok: false, retry: !PERMANENT.has(body.errcode), error: `${body.errcode}: ${body.errmsg ?? ''}` };
        } catch (error: any) {
          return { ok: false, retry: true, error: `微信接口不可用：${error?.message ?? error}` };
        }
      }
      return { ok: false, retry: true, error: 'access_token 无效' };
    },
  };
};

export default wechat;
