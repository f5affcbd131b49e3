export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/info',
      handler: 'info.describe',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
