import type { Core } from '@strapi/strapi';

const service = (strapi: Core.Strapi) => strapi.service('api::account.account');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async login(ctx) {
    const body = ctx.request.body ?? {};
    ctx.body = await service(strapi).loginWithMobile(body.mobile, body.password);
  },
  async wechatLogin(ctx) {
    ctx.body = await service(strapi).loginWithWechat((ctx.request.body ?? {}).code);
  },
  async bindMobile(ctx) {
    ctx.body = { data: await service(strapi).bindMobile(ctx.state.user.id, (ctx.request.body ?? {}).mobile) };
  },
  async me(ctx) {
    ctx.body = { data: await service(strapi).me(ctx.state.user.id) };
  },
  async updateMe(ctx) {
    ctx.body = { data: await service(strapi).updateProfile(ctx.state.user.id, ctx.request.body) };
  },
});
