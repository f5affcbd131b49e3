import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bootApp, type TestApp } from './strapi';
import data from '../../database/seeds/demo-data.json';
import { SAMPLE_FILES } from '../../database/seeds/sample-files';

const { seedDemo } = require(path.resolve(__dirname, '../../dist/database/seeds/demo.js'));

/** A caller: an applicant (users-permissions JWT, content API) or a staff member (admin JWT, admin API). */
export interface Caller {
  kind: 'applicant' | 'staff';
  token: string;
  base: string;
}

export interface World {
  staff: Record<string, Caller>;
  applicants: Record<string, Caller>;
  admin: Caller;
}

/** The demo organizations, staff and applicants, each signed in. */
export const demoWorld = async (app: TestApp): Promise<World> => {
  await seedDemo(app.strapi);
  const staff: Record<string, Caller> = {};
  for (const s of [...data.staff, { email: data.superAdmin.email }]) {
    const res = await app.http().post('/admin/login').send({ email: s.email, password: data.password });
    if (res.status !== 200) throw new Error(`login ${s.email}: ${res.status}`);
    staff[s.email.split('@')[0]] = { kind: 'staff', token: res.body.data.token, base: '/workflow' };
  }
  const applicants: Record<string, Caller> = {};
  for (const a of data.applicants) {
    const res = await app.http().post('/api/auth/local').send({ identifier: a.email, password: data.password });
    applicants[a.username] = { kind: 'applicant', token: res.body.jwt, base: '/api/workflow' };
  }
  return { staff, applicants, admin: staff.admin };
};

export const call = (app: TestApp, who: Caller, method: 'get' | 'post' | 'put', url: string) =>
  app.http()[method](`${who.base}${url}`).set('Authorization', `Bearer ${who.token}`);

export const view = async (app: TestApp, who: Caller, number: string) => {
  const res = await call(app, who, 'get', `/orders/${number}`);
  if (res.status !== 200) throw new Error(`view ${number}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

/** Performs an action with the order's current version; returns the raw reply. */
export const act = async (
  app: TestApp,
  who: Caller,
  number: string,
  action: string,
  form: Record<string, unknown> = {},
  version?: number,
) => {
  const v =
    version ??
    (await app.strapi.db.query('api::order.order').findOne({ where: { number }, select: ['lockVersion'] })).lockVersion;
  return call(app, who, 'post', `/orders/${number}/actions/${action}`).send({ version: v, form });
};

/** Performs an action that must succeed; returns the new state. */
export const step = async (
  app: TestApp,
  who: Caller,
  number: string,
  action: string,
  form: Record<string, unknown> = {},
) => {
  const res = await act(app, who, number, action, form);
  if (res.status !== 200) throw new Error(`${action} on ${number}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as {
    number: string;
    version: number;
    currentStep: string;
    stepLabel: string;
    outcome: string | null;
  };
};

// Real files: uploads are checked by content. JPEG comes from sharp (the upload plugin's own dependency).
const sharp = require('sharp');
const SAMPLES: Record<string, { mime: string; content: () => Buffer | Promise<Buffer> }> = {
  ...SAMPLE_FILES,
  '.jpg': {
    mime: 'image/jpeg',
    content: () =>
      sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366aa' } })
        .jpeg()
        .toBuffer(),
  },
};

/** Uploads a small sample file of the given extension as an artifact of the order. */
export const upload = async (app: TestApp, who: Caller, number: string, kind: string, ext = '.jpg', name?: string) => {
  const sample = SAMPLES[ext];
  const content = await sample.content();
  const res = await call(app, who, 'post', `/orders/${number}/files`)
    .field('kind', kind)
    .field('name', name ?? `${kind}${ext}`)
    .attach('file', content, { filename: `${kind}${ext}`, contentType: sample.mime });
  if (res.status !== 201) throw new Error(`upload ${kind} to ${number}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

export const enterpriseForm = (overrides: Record<string, unknown> = {}) => ({
  unitName: '珠江摩尔',
  creditCode: '91510107590201629B',
  contactName: '刘经理',
  contactPhone: '13912345678',
  unitAddress: '巴中市巴州区江北大道1号',
  waterAddress: '巴中市巴州区江北大道1号B区',
  connectionType: '基建(施工)用水',
  buildingArea: 222,
  ...overrides,
});

/** Submits an application as the applicant; returns its number. */
export const apply = async (
  app: TestApp,
  who: Caller,
  processKey: string,
  formData: Record<string, unknown>,
  channel = 'official-account',
) => {
  const res = await call(app, who, 'post', '/orders').send({ processKey, channel, formData });
  if (res.status !== 201) throw new Error(`apply ${processKey}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.number as string;
};

/** The app and demo world of the current test file, set by useWorld() (live bindings). */
export let app: TestApp;
export let w: World;

/** Boots the app with the demo world for this test file. */
export const useWorld = ({ listen = false } = {}) => {
  beforeAll(async () => {
    app = await bootApp({ listen });
    w = await demoWorld(app);
  });
  afterAll(async () => {
    await app?.close();
  });
};

/** A file the API sends, as bytes. */
export const download = (app: TestApp, who: Caller, url: string) =>
  call(app, who, 'get', url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

/** Moves the start of the order's current step back by `hours` of the engine's clock, as if it had waited there. */
export const waited = async (app: TestApp, number: string, hours: number) => {
  const orders = app.strapi.db.query('api::order.order');
  const { id } = await orders.findOne({ where: { number }, select: ['id'] });
  const now: Date = app.strapi.plugin('workflow').service('clock').now();
  await orders.update({ where: { id }, data: { stepEnteredAt: new Date(now.getTime() - hours * 3_600_000) } });
};
