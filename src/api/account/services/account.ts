import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createError from 'http-errors';
import { normalizeMobile, validateForm, type FormSchema } from '../../../validation';

const USER = 'plugin::users-permissions.user';

/** What an applicant may change about themselves; everything else is refused. */
const profileForm: FormSchema = {
  fields: [
    { name: 'realName', label: '姓名', type: 'text', maxLength: 50 },
    { name: 'applicantType', label: '申请人类型', type: 'select', options: ['enterprise', 'resident'] },
    { name: 'enterpriseName', label: '单位名称', type: 'text', maxLength: 200 },
    { name: 'creditCode', label: '统一社会信用代码', type: 'credit-code' },
  ],
};

const fail = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/** The applicant's own account: signing in by mobile or WeChat, binding a mobile, the profile. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const users = () => strapi.plugin('users-permissions').service('user');
  const issue = (user: { id: number }) => strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  const sanitize = (user: Record<string, any>) => {
    const { password, resetPasswordToken, confirmationToken, wechatOpenid, wechatSessionKey, ...rest } = user;
    return rest;
  };
  const authenticatedRole = () =>
    strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' }, select: ['id'] });

  return {
    async loginWithMobile(mobileInput: unknown, password: unknown) {
      const mobile = typeof mobileInput === 'string' ? normalizeMobile(mobileInput) : null;
      if (!mobile) throw fail('mobile', '手机号码应为11位中国大陆手机号码');
      if (typeof password !== 'string' || !password) throw fail('password', '请输入密码');
      const user = await strapi.db.query(USER).findOne({ where: { mobile, provider: 'local' } });
      // The same answer for an unknown number and a wrong password.
      if (!user || !user.password || !(await users().validatePassword(password, user.password))) {
        throw new errors.ValidationError('手机号码或密码错误');
      }
      if (user.blocked) throw new errors.ForbiddenError('账号已被停用');
      return { jwt: issue(user), user: sanitize(user) };
    },

    async loginWithWechat(code: unknown) {
      if (typeof code !== 'string' || !/^[\w-]{4,128}$/.test(code)) throw fail('code', '缺少微信登录凭证');
      const session = await strapi.service('api::account.wechat').codeToSession(code);
      let user = await strapi.db.query(USER).findOne({ where: { wechatOpenid: session.openid } });
      if (user) {
        user = await strapi.db
          .query(USER)
          .update({ where: { id: user.id }, data: { wechatSessionKey: session.sessionKey } });
      } else {
        const role = await authenticatedRole();
        const tag = session.openid.replace(/[^\w]/g, '').slice(-12).toLowerCase();
        user = await users().add({
          username: `wx_${tag}_${randomBytes(3).toString('hex')}`,
          email: `wx_${tag}_${randomBytes(3).toString('hex')}@wechat.invalid`,
          password: randomBytes(24).toString('base64'),
          provider: 'wechat',
          confirmed: true,
          blocked: false,
          role: role.id,
          wechatOpenid: session.openid,
          wechatSessionKey: session.sessionKey,
        });
      }
      if (user.blocked) throw new errors.ForbiddenError('账号已被停用');
      return { jwt: issue(user), user: sanitize(user), needsMobile: !user.mobile };
    },

    async bindMobile(userId: number, mobileInput: unknown) {
      const mobile = typeof mobileInput === 'string' ? normalizeMobile(mobileInput) : null;
      if (!mobile) throw fail('mobile', '手机号码应为11位中国大陆手机号码');
      const taken = await strapi.db.query(USER).count({ where: { mobile, id: { $ne: userId } } });
      if (taken) throw createError(409, '该手机号已绑定其他账号');
      const user = await strapi.db.query(USER).update({ where: { id: userId }, data: { mobile } });
      return sanitize(user);
    },

    async me(userId: number) {
      return sanitize(await strapi.db.query(USER).findOne({ where: { id: userId } }));
    },

    async updateProfile(userId: number, body: unknown) {
      const { value, errors: problems } = validateForm(profileForm, body ?? {});
      for (const p of problems) if (p.message === '不是此表单的字段') p.message = '不允许修改此字段';
      if (problems.length) throw new errors.ValidationError('资料有误', { errors: problems });
      return sanitize(await strapi.db.query(USER).update({ where: { id: userId }, data: value }));
    },
  };
};
