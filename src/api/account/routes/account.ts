/** Sign-in routes are public (auth: false) and rate-limited; the rest need the applicant's JWT. */
export default {
  routes: [
    { method: 'POST', path: '/account/login', handler: 'account.login', config: { auth: false, policies: [] } },
    {
      method: 'POST',
      path: '/account/wechat-login',
      handler: 'account.wechatLogin',
      config: { auth: false, policies: [] },
    },
    { method: 'POST', path: '/account/bind-mobile', handler: 'account.bindMobile', config: { policies: [] } },
    { method: 'GET', path: '/account/me', handler: 'account.me', config: { policies: [] } },
    { method: 'PUT', path: '/account/me', handler: 'account.updateMe', config: { policies: [] } },
  ],
};
