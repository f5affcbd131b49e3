import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { app, apply, call, download, enterpriseForm, step, upload, useWorld, w } from './helpers/workflow';

/** The archive of an ended order, and the search over ended orders. */
useWorld();

const residentForm = {
  name: '张三',
  contactPhone: '13612345678',
  address: '巴中市回风路8号',
  waterAddress: '巴中市回风路8号3单元',
};

describe('archives', () => {
  it('an ended order is archived with its data, its verified history and every file version', async () => {
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    await step(app, w.staff.clerk, n, 'approve');
    await upload(app, w.staff.surveyor, n, 'site-photo');
    await upload(app, w.staff.surveyor, n, 'site-photo');
    await upload(app, w.staff.surveyor, n, 'plan-sketch');
    await step(app, w.staff.surveyor, n, 'complete');
    expect((await call(app, w.staff.clerk, 'get', `/orders/${n}/archive`)).status).toBe(404);
    await step(app, w.staff.finance, n, 'record-paid', { amount: 800, receiptNo: 'R-9' });
    for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'])
      await upload(app, w.staff.crew, n, kind);
    await step(app, w.staff.crew, n, 'finish');
    await upload(app, w.staff.acceptance, n, 'acceptance-form');
    await upload(app, w.staff.acceptance, n, 'site-photo');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '合格' });
    await upload(app, w.staff.acceptance, n, 'handover-form');
    expect((await step(app, w.staff.acceptance, n, 'submit', { notes: '已移交' })).outcome).toBe('completed');

    await app.strapi.plugin('workflow').service('outbox').runOnce();
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { number: n } });
    expect(row.archivedAt).toBeTruthy();

    const res = await download(app, w.staff.deptadmin, `/orders/${n}/archive`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = new PizZip(res.body);
    const names = Object.keys(zip.files)
      .filter((f) => !zip.files[f].dir)
      .sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'order.json',
        'history.json',
        'files.json',
        'files/site-photo/v1-site-photo.jpg',
        'files/site-photo/v2-site-photo.jpg',
        'files/site-photo/v3-site-photo.jpg',
        'files/handover-form/v1-handover-form.jpg',
      ]),
    );
    const history = JSON.parse(zip.file('history.json')!.asText());
    expect(history.verification).toMatchObject({ valid: true, events: history.events.length });
    expect(history.events.at(-1).hash).toBe(history.historyHead);
    const order = JSON.parse(zip.file('order.json')!.asText());
    expect(order.order).toMatchObject({ number: n, outcome: 'completed', formData: residentForm });
    expect(order.order.historyHead).toBeUndefined();
    const files = JSON.parse(zip.file('files.json')!.asText());
    expect(files.filter((f: any) => f.kind === 'site-photo').map((f: any) => f.version)).toEqual([1, 2, 3]);

    // Staff outside the order's scope get 404; the applicant has no such route.
    expect((await call(app, w.staff['power-admin'], 'get', `/orders/${n}/archive`)).status).toBe(404);
  });

  it('ended orders are found by number, name, phone, credit code, category and period', async () => {
    const n = await apply(
      app,
      w.applicants.zhujiang,
      'water-enterprise',
      enterpriseForm({ unitName: '归档检索测试单位', creditCode: '91511900MA62Q8K3PB' }),
    );
    await step(app, w.staff.clerk, n, 'reject', { reason: '资料不全' });
    const find = async (query: string) =>
      (await call(app, w.staff.deptadmin, 'get', `/orders?status=closed&${query}`)).body.data.map((o: any) => o.number);
    expect(await find('q=91511900MA62Q8K3PB')).toEqual([n]);
    expect(await find('q=归档检索')).toEqual([n]);
    expect(await find(`q=${n}`)).toEqual([n]);
    expect(await find(`q=${n}&category=${encodeURIComponent('基建(施工)用水')}`)).toEqual([n]);
    const today = new Date();
    const tomorrow = new Date(today.getTime() + 86_400_000).toISOString();
    const yesterday = new Date(today.getTime() - 86_400_000).toISOString();
    expect(await find(`q=${n}&from=${yesterday}&to=${tomorrow}`)).toEqual([n]);
    expect(await find(`q=${n}&to=${yesterday}`)).toEqual([]);
  });
});
