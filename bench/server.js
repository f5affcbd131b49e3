'use strict';

/**
 * The app under load, in its own process so that the load generator does not share its CPU time.
 * Serves HTTP on PORT against the database the environment names; answers the bench's questions
 * over IPC: `scan` (times the warning scan), `memory` (RSS), `token` (a full-access API token for
 * Strapi's plain REST baseline), `perform` (transitions in-process), `cpu`, `stop`.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const distDir = process.env.DIST_DIR ?? path.join(root, 'dist');

/** A plain content type with the order's fields (not its relations), for Strapi's REST baseline. */
const BENCH_ORDER = 'api::bench-order.bench-order';
const registerBenchOrder = (app) => {
  const order = require(path.join(root, 'src/api/order/content-types/order/schema.json'));
  const attributes = Object.fromEntries(
    Object.entries(order.attributes).filter(([, a]) => !['relation', 'media'].includes(a.type)),
  );
  const info = { singularName: 'bench-order', pluralName: 'bench-orders', displayName: 'bench order' };
  app.get('content-types').add('api::bench-order', {
    'bench-order': { schema: { ...order, collectionName: 'bench_orders', info, attributes } },
  });
};

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: root, distDir, autoReload: false, serveAdminPanel: false });
  await app.register();
  registerBenchOrder(app);
  await app.bootstrap();
  if (process.env.BENCH_SEED === '1') await require(path.join(distDir, 'database/seeds/demo.js')).seedDemo(app);
  // The baseline: what a plain Strapi app does per request, Strapi's core controller updating an order
  // through the document service. The product's orders change only through the engine (the document
  // service refuses their writes), so the baseline updates copies of them in a plain content type.
  const { factories } = require('@strapi/strapi');
  app.get('services').set(BENCH_ORDER, factories.createCoreService(BENCH_ORDER));
  const core = factories.createCoreController(BENCH_ORDER)({ strapi: app });
  app.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'PUT',
        path: '/bench/orders/:id',
        handler: (ctx) => core.update(ctx),
        config: { auth: { scope: [`${BENCH_ORDER}.update`] } },
      },
    ],
  });
  await app.listen();

  // Statements the app sends, by shape (BENCH_QUERIES=1): what docs/performance.md counts per request.
  const shapes = new Map();
  const count = (shape) => shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  if (process.env.BENCH_QUERIES === '1') {
    app.db.connection.on('query', (q) => count(q.sql.slice(0, 100)));
  }
  // A CPU profile of one part of the run (BENCH_PROFILE=<dir>): profile-start, then profile-stop <name>.
  const inspector = new (require('node:inspector').Session)();
  inspector.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      inspector.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  const answers = {
    async 'profile-start'() {
      await post('Profiler.enable');
      await post('Profiler.start');
      // What the part allocates, sampled: the young generation's collections follow from it.
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', {
        samplingInterval: 16384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
      return {};
    },
    async 'profile-stop'(name) {
      const { profile } = await post('Profiler.stop');
      const file = path.join(process.env.BENCH_PROFILE, `${name}.cpuprofile`);
      require('node:fs').writeFileSync(file, JSON.stringify(profile));
      const { profile: heap } = await post('HeapProfiler.stopSampling');
      require('node:fs').writeFileSync(
        path.join(process.env.BENCH_PROFILE, `${name}.heapprofile`),
        JSON.stringify(heap),
      );
      return { file };
    },
    async queries() {
      const list = [...shapes].sort((a, b) => b[1] - a[1]);
      shapes.clear();
      return { queries: list };
    },
    async scan() {
      const started = process.hrtime.bigint();
      const result = await app.plugin('workflow').service('escalation').scan();
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, ...(result ?? {}) };
    },
    /** CPU time this process has used (µs), to tell what a part cost per request. */
    async cpu() {
      const { user, system } = process.cpuUsage();
      return { cpu: user + system, system };
    },
    async memory() {
      return { rss: process.memoryUsage().rss };
    },
    /**
     * The engine alone: the same approvals through the transition service in this process, `clients`
     * at a time, without HTTP, Strapi's request handling or authentication.
     */
    async perform({ numbers, clients, email }) {
      const user = await app.db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
      const actor = await app.plugin('workflow').service('actors').staff(user);
      const transitions = app.plugin('workflow').service('transitions');
      const latencies = [];
      let errors = 0;
      /** The first few failures' messages, to tell a conflict from a fault. */
      const failures = [];
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < numbers.length) {
            const number = numbers[next++];
            const t = process.hrtime.bigint();
            try {
              await transitions.perform({ number, action: 'approve', version: 1, form: {}, actor });
              latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
            } catch (error) {
              errors += 1;
              if (failures.length < 5) failures.push(`${error?.status ?? ''} ${error?.message ?? error}`.trim());
            }
          }
        }),
      );
      return { latencies, errors, failures, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    },
    async token() {
      const token = await app
        .service('admin::api-token')
        .create({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null });
      return { accessKey: token.accessKey };
    },
    async stop() {
      await app.destroy();
      setImmediate(() => process.exit(0));
      return {};
    },
  };
  process.on('message', async ({ id, cmd, arg }) => {
    try {
      process.send({ id, ok: true, ...(await answers[cmd](arg)) });
    } catch (error) {
      process.send({ id, ok: false, error: String(error?.stack ?? error) });
    }
  });
  process.send({ id: 0, ok: true, ready: true });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
