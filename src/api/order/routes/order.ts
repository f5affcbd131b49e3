/**
 * Applicant routes (users-permissions JWT; the Authenticated role is granted these actions at bootstrap).
 * Every query is limited to the caller's own orders in the service.
 */
export default {
  routes: [
    { method: 'POST', path: '/orders', handler: 'order.submit', config: { policies: [] } },
    { method: 'GET', path: '/orders', handler: 'order.mine', config: { policies: [] } },
    { method: 'GET', path: '/orders/:number', handler: 'order.findMine', config: { policies: [] } },
  ],
};
