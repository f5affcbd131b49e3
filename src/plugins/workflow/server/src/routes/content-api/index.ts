/**
 * Applicant routes, served under /api/workflow. users-permissions checks each action against the
 * caller's role (the app grants them to Authenticated); the services scope every order to its owner.
 */
const route = (method: string, path: string, handler: string) => ({ method, path, handler: `applicant-orders.${handler}`, config: { policies: [] } });

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
  ],
};
