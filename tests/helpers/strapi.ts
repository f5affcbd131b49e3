import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import supertest from 'supertest';
import { createTestDatabase } from './database';

// The ESM entry of @strapi/strapi fails on a lodash/fp directory import; CommonJS works.
const require = createRequire(__filename);
const { createStrapi } = require('@strapi/strapi');

const root = path.resolve(__dirname, '../..');

export interface TestApp {
  strapi: any;
  http: () => supertest.Agent;
  close: () => Promise<void>;
  /** With `listen`: where a browser reaches the app (admin panel included). */
  url?: string;
}

/** Whether a loopback port can be listened on now. */
const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A loopback port nothing listens on now, below the kernel's ephemeral range (32768–60999): a port the
 * kernel hands out could be taken by an outgoing connection (a database client's) before the app
 * listens on it, and Strapi exits when its port is taken.
 */
export const freePort = async () => {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
};

/**
 * Boots the real app from dist/ against a fresh database and mounts its routes on an HTTP server
 * that supertest talks to. One per test file.
 */
export const bootApp = async ({ listen = false } = {}): Promise<TestApp> => {
  const db = await createTestDatabase();
  // strapi.destroy() removes every process listener, vitest's own included: keep them to put back.
  const saved = new Map(process.eventNames().map((e) => [e, process.listeners(e as any)]));

  const strapi = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: listen,
  });
  await strapi.load();
  // The port is chosen just before listening: taken by then, Strapi would end the process.
  const port = listen ? await freePort() : 0;
  if (listen) {
    strapi.config.set('server.host', '127.0.0.1');
    strapi.config.set('server.port', port);
    await strapi.listen();
  } else strapi.server.mount();

  return {
    strapi,
    url: listen ? `http://127.0.0.1:${port}` : undefined,
    http: () => supertest.agent(strapi.server.httpServer),
    async close() {
      await strapi.destroy();
      for (const [event, listeners] of saved) {
        const now = process.listeners(event as any);
        for (const listener of listeners) if (!now.includes(listener)) process.on(event as any, listener as any);
      }
      await db.drop();
    },
  };
};
