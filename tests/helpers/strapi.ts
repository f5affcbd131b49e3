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

/** A loopback port nothing listens on now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Boots the real app from dist/ against a fresh database and mounts its routes on an HTTP server
 * that supertest talks to. One per test file.
 */
export const bootApp = async ({ listen = false } = {}): Promise<TestApp> => {
  const db = await createTestDatabase();
  const port = listen ? await freePort() : 0;
  if (listen) {
    process.env.HOST = '127.0.0.1';
    process.env.PORT = String(port);
  }
  // strapi.destroy() removes every process listener, vitest's own included: keep them to put back.
  const saved = new Map(process.eventNames().map((e) => [e, process.listeners(e as any)]));

  const strapi = createStrapi({
    appDir: root,
    distDir: path.join(root, 'dist'),
    autoReload: false,
    serveAdminPanel: listen,
  });
  await strapi.load();
  if (listen) await strapi.listen();
  else strapi.server.mount();

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
