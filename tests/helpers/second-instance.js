'use strict';

/**
 * A second app instance on the same database, in its own process, with the engine's jobs running
 * every second. It reports what its outbox worker and warning scan did to the parent over IPC.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '../..');

const main = async () => {
  if (process.env.SECOND_PORT) {
    process.env.HOST = '127.0.0.1';
    process.env.PORT = process.env.SECOND_PORT;
  }
  const app = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  const plugin = () => app.plugin('workflow');
  // Wrap the jobs before bootstrap schedules them (the scheduler looks the services up on each run).
  await app.register();
  for (const [service, method, report] of [
    ['outbox', 'runOnce', (r) => ({ sent: r.sent })],
    ['escalation', 'scan', (r) => ({ raised: r ? r.raised : 0 })],
  ]) {
    const svc = plugin().service(service);
    const original = svc[method].bind(svc);
    svc[method] = async (...args) => {
      const result = await original(...args);
      process.send({ type: service, ...report(result) });
      return result;
    };
  }
  await app.bootstrap();
  // With SECOND_PORT it also serves HTTP, as a second instance behind a load balancer would.
  if (process.env.SECOND_PORT) await app.listen();
  process.send({ type: 'ready' });
  process.on('message', async (message) => {
    if (message !== 'stop') return;
    await app.destroy();
    process.exit(0);
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
