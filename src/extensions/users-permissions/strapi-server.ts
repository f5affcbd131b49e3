import { errors } from '@strapi/utils';
import { validateRegistration } from './registration';

/**
 * Registration accepts only safe fields. users-permissions would refuse fields outside
 * `register.allowedFields` on its own, one message for all; this reports every refused field and
 * every format error per field, in Chinese, before the original handler runs.
 */
export default (plugin: any) => {
  const authFactory = plugin.controllers.auth;

  plugin.controllers.auth = (deps: any) => {
    const controller = authFactory(deps);
    const register = controller.register;
    return {
      ...controller,
      async register(ctx: any) {
        const body = ctx.request.body ?? {};
        const { value, problems } = validateRegistration(body);
        if (
          value.mobile &&
          (await deps.strapi.db.query('plugin::users-permissions.user').count({ where: { mobile: value.mobile } }))
        ) {
          problems.push({ path: ['mobile'], message: '该手机号已注册，请直接登录', name: 'ValidationError' });
        }
        if (problems.length > 0) {
          throw new errors.ValidationError('注册信息有误', { errors: problems });
        }
        ctx.request.body = { ...body, ...value };
        return register.call(controller, ctx);
      },
    };
  };

  return plugin;
};
