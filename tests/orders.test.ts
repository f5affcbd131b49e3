import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from './helpers/strapi';
import { errorPaths, registerApplicant } from './helpers/applicants';
import { enterpriseForm } from './helpers/workflow';

let app: TestApp;
let enterprise: { jwt: string; user: any };
let resident: { jwt: string; user: any };

beforeAll(async () => {
  app = await bootApp();
  enterprise = await registerApplicant(app, {
    applicantType: 'enterprise',
    enterpriseName: '珠江摩尔',
    creditCode: '91510107590201629B',
  });
  resident = await registerApplicant(app);
});
afterAll(async () => {
  await app?.close();
});

const submit = (jwt: string, body: Record<string, unknown>) =>
  app.http().post('/api/workflow/orders').set('Authorization', `Bearer ${jwt}`).send(body);

const today = () => {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  return ['year', 'month', 'day'].map((t) => p.find((x) => x.type === t)!.value).join('');
};

describe('submitting an application', () => {
  it('creates the order in the first step with a well-formed number', async () => {
    const res = await submit(enterprise.jwt, {
      processKey: 'water-enterprise',
      channel: 'official-account',
      formData: enterpriseForm(),
    });
    expect(res.status).toBe(201);
    expect(res.body.data.number).toMatch(new RegExp(`^BZ${today()}\\d{2,}$`));
    expect(res.body.data).toMatchObject({
      processKey: 'water-enterprise',
      applicantType: 'enterprise',
      category: '基建(施工)用水',
      channel: 'official-account',
      title: '珠江摩尔',
      currentStep: 'review',
      version: 1,
    });
    const row = await app.strapi.db
      .query('api::order.order')
      .findOne({ where: { number: res.body.data.number }, populate: ['applicant', 'organization'] });
    expect(row.applicant.id).toBe(enterprise.user.id);
    expect(row.stepEnteredAt).toBeTruthy();
  });

  it('passes the energy process through its automatic pre-review and starts the resident process in review', async () => {
    const energy = await submit(enterprise.jwt, {
      processKey: 'energy-service',
      channel: 'mini-program',
      formData: {
        name: '黄厂长',
        contactPhone: '13712345678',
        address: '巴中经济开发区工业园5号',
        description: '新建厂房需要电力接入，负荷800千瓦',
        category: '电力接入',
      },
    });
    expect(energy.status).toBe(201);
    expect(energy.body.data).toMatchObject({ currentStep: 'planning', category: '电力接入' });
    const home = await submit(resident.jwt, {
      processKey: 'water-resident',
      formData: { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' },
    });
    expect(home.status).toBe(201);
    expect(home.body.data).toMatchObject({ currentStep: 'review', category: '永久性用水', applicantType: 'resident' });
  });

  it('answers 400 with every field and reason, and writes nothing', async () => {
    const count = await app.strapi.db.query('api::order.order').count();
    const res = await submit(enterprise.jwt, {
      processKey: 'water-enterprise',
      channel: 'window',
      formData: enterpriseForm({
        creditCode: '91510107590201629A',
        buildingArea: -1,
        contactPhone: '1391234567',
        note: 'x',
      }),
    });
    expect(res.status).toBe(400);
    expect(errorPaths(res.body).sort()).toEqual([
      'channel',
      'formData.buildingArea',
      'formData.contactPhone',
      'formData.creditCode',
      'formData.note',
    ]);
    expect(await app.strapi.db.query('api::order.order').count()).toBe(count);

    const unknown = await submit(enterprise.jwt, { processKey: 'gas', formData: {} });
    expect(unknown.status).toBe(400);
    expect(errorPaths(unknown.body)).toEqual(['processKey']);
  });

  it('refuses anonymous callers', async () => {
    const res = await app
      .http()
      .post('/api/workflow/orders')
      .send({ processKey: 'water-enterprise', formData: enterpriseForm() });
    expect(res.status).toBe(403);
    expect((await app.http().get('/api/workflow/orders')).status).toBe(403);
  });
});

describe('order numbers', () => {
  it('stay unique and gap-free under 50 parallel creations', async () => {
    const before = await app.strapi.db.query('api::order.order').count();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit(enterprise.jwt, {
          processKey: 'water-enterprise',
          formData: enterpriseForm({ unitName: `并发单位${i}` }),
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = replies.map((r) => r.body.data.number as string);
    expect(new Set(numbers).size).toBe(50);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^BZ${today()}\\d{2,}$`));
    const sequences = numbers.map((n) => Number(n.slice(10))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => before + 1 + i));
    expect(await app.strapi.db.query('api::order.order').count()).toBe(before + 50);
  });

  it('grow past two digits after 99 in a day', async () => {
    const service = app.strapi.service('api::order.order-number');
    const at = new Date('2019-08-14T10:00:00+08:00');
    const numbers: string[] = [];
    for (let i = 0; i < 101; i += 1)
      numbers.push(await app.strapi.db.transaction(({ trx }: any) => service.next(trx, at)));
    expect(numbers[0]).toBe('BZ2019081401');
    expect(numbers[13]).toBe('BZ2019081414');
    expect(numbers[99]).toBe('BZ20190814100');
    expect(numbers[100]).toBe('BZ20190814101');
    // The day is the utility's local day: 23:30 in Beijing on the 14th is still the 14th, 16:30 UTC.
    const late = await app.strapi.db.transaction(({ trx }: any) => service.next(trx, new Date('2019-08-14T16:30:00Z')));
    expect(late).toBe('BZ2019081501');
  });
});

describe('what an applicant sees', () => {
  it('lists only their own orders and hides others with 404', async () => {
    const mine = await app.http().get('/api/workflow/orders?pageSize=5').set('Authorization', `Bearer ${resident.jwt}`);
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBe(1);
    expect(mine.body.meta.pagination).toMatchObject({ page: 1, pageSize: 5, total: 1 });

    const theirs = await app.strapi.db
      .query('api::order.order')
      .findOne({ where: { applicant: { id: enterprise.user.id } } });
    const peek = await app
      .http()
      .get(`/api/workflow/orders/${theirs.number}`)
      .set('Authorization', `Bearer ${resident.jwt}`);
    expect(peek.status).toBe(404);
    const own = await app
      .http()
      .get(`/api/workflow/orders/${theirs.number}`)
      .set('Authorization', `Bearer ${enterprise.jwt}`);
    expect(own.status).toBe(200);
    expect(own.body.data.number).toBe(theirs.number);
    expect(own.body.data).not.toHaveProperty('applicant');
  });

  it('pages through many orders', async () => {
    const page2 = await app
      .http()
      .get('/api/workflow/orders?page=2&pageSize=20')
      .set('Authorization', `Bearer ${enterprise.jwt}`);
    expect(page2.status).toBe(200);
    expect(page2.body.data.length).toBe(20);
    expect(page2.body.meta.pagination.total).toBeGreaterThanOrEqual(52);
  });
});

describe('Chinese text', () => {
  it('round-trips through the database unchanged, 4-byte characters included', async () => {
    const text = '𠮷野家（成都）餐饮管理有限公司·珠江摩尔店 😀';
    const res = await submit(enterprise.jwt, {
      processKey: 'water-enterprise',
      formData: enterpriseForm({ unitName: text, unitAddress: '四川省成都市武侯区双楠路32号1幢1楼' }),
    });
    expect(res.status).toBe(201);
    const back = await app
      .http()
      .get(`/api/workflow/orders/${res.body.data.number}`)
      .set('Authorization', `Bearer ${enterprise.jwt}`);
    expect(back.body.data.title).toBe(text);
    expect(back.body.data.formData.unitName).toBe(text);
    expect(back.body.data.formData.unitAddress).toBe('四川省成都市武侯区双楠路32号1幢1楼');
    const byTitle = await app.strapi.db.query('api::order.order').findOne({ where: { title: text } });
    expect(byTitle?.number).toBe(res.body.data.number);
  });
});
