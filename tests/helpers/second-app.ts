import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

export interface SecondApp {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

const BOOT_ATTEMPTS = 3;

const boot = async (env: Record<string, string>): Promise<SecondApp> => {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'second-instance.js'), [], {
    env: { ...process.env, ...env, SECOND_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: any) => m?.type === 'ready' && resolve());
    child.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (!child.connected) return;
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
};

/**
 * A second app instance on this test file's database, in its own process and serving HTTP, as a second
 * instance behind a load balancer would (tests/helpers/second-instance.js). `env` adds to this process's.
 * On SQLite its boot can find the file locked by this instance (Strapi syncs permissions in a
 * transaction): it boots again.
 */
export const startSecondApp = async (env: Record<string, string> = {}): Promise<SecondApp> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await boot(env);
    } catch (error) {
      if (attempt >= BOOT_ATTEMPTS) throw error;
    }
  }
};
