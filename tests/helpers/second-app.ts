import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort } from './strapi';

export interface SecondApp {
  /** Where it serves HTTP. */
  url: string;
  stop: () => Promise<void>;
}

const BOOT_ATTEMPTS = 3;

const boot = async (env: Record<string, string>, onReport: (m: any) => void): Promise<SecondApp> => {
  const port = await freePort();
  const child = fork(path.join(__dirname, 'second-instance.js'), [], {
    env: { ...process.env, ...env, SECOND_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.on('message', (m: any) => m.type !== 'ready' && onReport(m));
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: any) => m.type === 'ready' && resolve());
    child.on('exit', (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (!child.connected) return;
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
};

/**
 * Starts a second app instance (second-instance.js) on this test file's database, serving HTTP as a
 * second instance behind a load balancer would; `env` sets its jobs and settings. `onReport` hears
 * what its outbox worker and warning scan did. On SQLite its boot can find the file locked by this
 * instance (Strapi syncs permissions in a transaction): it boots again.
 */
export const startSecondApp = async (
  env: Record<string, string> = {},
  onReport: (m: any) => void = () => undefined,
) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await boot(env, onReport);
    } catch (error) {
      if (attempt >= BOOT_ATTEMPTS) throw error;
    }
  }
};

/**
 * Sends this app's SMS to a fake Alibaba Cloud on `port`; answers the environment that does the
 * same for a second instance.
 */
export const useFakeAliyunSms = (strapi: any, port: number, templates: Record<string, string>) => {
  const sms = {
    accessKeyId: 'test-key-id',
    accessKeySecret: 'test-key-secret',
    endpoint: `127.0.0.1:${port}`,
    signName: '巴中水务',
  };
  strapi.config.set('plugin::workflow.sms', {
    ...strapi.config.get('plugin::workflow.sms'),
    ...sms,
    provider: 'aliyun',
    protocol: 'HTTP',
    templates,
  });
  return {
    SMS_PROVIDER: 'aliyun',
    ALIYUN_SMS_ACCESS_KEY_ID: sms.accessKeyId,
    ALIYUN_SMS_ACCESS_KEY_SECRET: sms.accessKeySecret,
    ALIYUN_SMS_PROTOCOL: 'HTTP',
    ALIYUN_SMS_ENDPOINT: sms.endpoint,
    SMS_SIGN_NAME: sms.signName,
    SMS_TEMPLATES: JSON.stringify(templates),
  };
};
