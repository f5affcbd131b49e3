/**
 * Applicant routes, served under /api/workflow. users-permissions authenticates every request and
 * checks each action against the caller's role (the app grants them to Authenticated); the services
 * scope every order to its owner. API tokens have no applicant to act for: that strategy is not asked.
 * A new `auth` object per route: Strapi writes each route's scope into it.
 */
const route = (method: string, path: string, handler: string, controller = 'applicant-orders') => ({
  method,
  path,
  handler: `${controller}.${handler}`,
  config: { policies: [], auth: { strategies: ['users-permissions'] } },
});
const messages = (method: string, path: string, handler: string) => route(method, path, handler, 'applicant-messages');

export default {
  type: 'content-api',
  routes: [
    route('GET', '/processes', 'processes'),
    route('POST', '/orders', 'submit'),
    route('GET', '/orders', 'list'),
    route('GET', '/orders/:number', 'view'),
    route('POST', '/orders/:number/actions/:action', 'act'),
    route('POST', '/orders/:number/withdraw', 'withdraw'),
    route('POST', '/orders/:number/urge', 'urge'),
    route('POST', '/orders/:number/files', 'upload'),
    route('GET', '/orders/:number/files/:fileId', 'download'),
    messages('GET', '/orders/:number/articles', 'articles'),
    messages('GET', '/messages', 'list'),
    messages('POST', '/messages/read-all', 'readAll'),
    messages('POST', '/messages/:id/read', 'read'),
    messages('GET', '/subscriptions', 'subscriptions'),
  ],
};
