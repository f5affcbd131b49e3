import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { Config } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import type { WorkflowConfig } from '../config';

/** What one attempt came to: sent (with the provider's id), to be tried again later, or never. */
export type SendOutcome =
  { ok: true; providerId: string } | { ok: false; retry: boolean; error: string } | { ok: 'skipped'; reason: string };

/** Alibaba Cloud answers these when the request itself is wrong: sending again cannot help. */
const PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.INVALID_PARAMETERS',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.ACCOUNT_NOT_EXISTS',
  'isv.ACCOUNT_ABNORMAL',
  'InvalidAccessKeyId.NotFound',
  'SignatureDoesNotMatch',
]);

/**
 * SMS through Alibaba Cloud (`@alicloud/dysmsapi20170525`), or, with the `log` provider, recorded
 * only (the embedded default: nothing leaves the machine). Template parameters are strings.
 */
const sms = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get('plugin::workflow') as WorkflowConfig).sms;
  let client: { key: string; sdk: Dysmsapi } | null = null;

  const sdk = () => {
    const s = settings();
    const key = [s.accessKeyId, s.endpoint, s.protocol].join('|');
    if (client?.key !== key) {
      client = {
        key,
        sdk: new Dysmsapi(
          new Config({
            accessKeyId: s.accessKeyId,
            accessKeySecret: s.accessKeySecret,
            endpoint: s.endpoint || 'dysmsapi.aliyuncs.com',
            protocol: s.protocol,
          }),
        ),
      };
    }
    return client.sdk;
  };

  return {
    async send(phone: string, template: string, params: Record<string, string>): Promise<SendOutcome> {
      const s = settings();
      if (s.provider === 'log') {
        strapi.log.info(
          `sms (log provider) to ${phone.slice(0, 3)}****${phone.slice(-4)}: ${template} ${JSON.stringify(params)}`,
        );
        return { ok: true, providerId: `log-${randomUUID()}` };
      }
      const templateCode = s.templates[template];
      if (!templateCode) return { ok: false, retry: false, error: `未配置短信模板：${template}` };
      try {
        const res = await sdk().sendSmsWithOptions(
          new SendSmsRequest({
            phoneNumbers: phone,
            signName: s.signName,
            templateCode,
            templateParam: JSON.stringify(params),
          }),
          new RuntimeOptions({ connectTimeout: 5000, readTimeout: 10000 }),
        );
        const code = res.body?.code ?? '';
        if (code === 'OK') return { ok: true, providerId: res.body?.bizId ?? '' };
        // isv.BUSINESS_LIMIT_CONTROL (per-number frequency limits) and unknown codes are retried later.
        return { ok: false, retry: !PERMANENT.has(code), error: `${code}: ${res.body?.message ?? ''}` };
      } catch (error: any) {
        return {
          ok: false,
          retry: true,
          error: `短信服务不可用：${error?.code ?? ''} ${error?.message ?? error}`.trim(),
        };
      }
    },
  };
};

export default sms;
