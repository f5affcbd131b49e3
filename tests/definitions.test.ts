import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apply, call, app, w, useWorld, step } from './helpers/workflow';
import { errorPaths } from './helpers/applicants';

useWorld();

const file = (key: string) =>
  JSON.parse(fs.readFileSync(path.resolve(__dirname, `../src/workflows/definitions/${key}.json`), 'utf8'));
const residentForm = {
  name: '李四',
  contactPhone: '13612345679',
  address: '巴中市巴州区回风路9号',
  waterAddress: '巴中市巴州区回风路9号1单元',
};
const publish = (spec: unknown) => call(app, w.admin, 'post', '/definitions').send(spec);

describe('process definitions as versioned data', () => {
  it('loads the shipped files as version 1 and does not duplicate them on restart', async () => {
    const rows = await app.strapi.db.query('plugin::workflow.definition').findMany({ orderBy: { key: 'asc' } });
    expect(rows.map((r: any) => `${r.key}@${r.version}`)).toEqual([
      'energy-service@1',
      'water-enterprise@1',
      'water-resident@1',
    ]);
    const again = await app.strapi
      .plugin('workflow')
      .service('definitions')
      .syncFromFiles(path.resolve(__dirname, '../src/workflows/definitions'));
    expect(again.every((d: any) => !d.created)).toBe(true);
  });

  it('publishing a change creates version 2; running orders keep version 1, new orders get 2', async () => {
    const before = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const spec = file('water-resident');
    spec.machine.states.review.meta.label = '受理审核';
    spec.machine.states.review.meta.thresholdHours = 8;
    const res = await publish(spec);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ key: 'water-resident', version: 2, created: true });
    expect((await publish(spec)).body.data).toMatchObject({ version: 2, created: false });

    const after = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const list = await call(app, w.staff.clerk, 'get', '/orders?process=water-resident&pageSize=100');
    const byNumber = Object.fromEntries(list.body.data.map((o: any) => [o.number, o]));
    expect(byNumber[before]).toMatchObject({ stepLabel: '申请审核', elapsed: { thresholdHours: 24 } });
    expect(byNumber[after]).toMatchObject({ stepLabel: '受理审核', elapsed: { thresholdHours: 8 } });
    const rows = await app.strapi.db
      .query('api::order.order')
      .findMany({ where: { number: { $in: [before, after] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r: any) => r.definitionVersion)).toEqual([1, 2]);
    // The old order still moves by its own version.
    expect((await step(app, w.staff.clerk, before, 'approve')).currentStep).toBe('survey');
  });

  it('refuses an invalid definition with 400, saying where each problem is', async () => {
    const spec = file('water-resident');
    spec.machine.states.review.meta.roles = ['janitor'];
    spec.machine.states.review.on.approve.guard = 'isFullMoon';
    spec.machine.states.survey.on.complete.meta.artifacts[0].kind = 'selfie';
    delete spec.machine.states.payment.meta.label;
    spec.machine.states.orphan = {
      meta: { label: '孤立步骤', roles: ['finance'] },
      on: { done: { target: 'completed', meta: { label: '完成' } } },
    };
    spec.machine.states['dead-end'] = { meta: { label: '死胡同' } };
    spec.machine.states.review.on.park = { target: 'dead-end', meta: { label: '搁置' } };
    spec.machine.states.handover.on.submit.target = 'nowhere';
    const res = await publish(spec);
    expect(res.status).toBe(400);
    const problems = Object.fromEntries(res.body.error.details.errors.map((e: any) => [e.path.join('.'), e.message]));
    expect(problems).toMatchObject({
      'machine.states.review.meta.roles.0': '未知的角色：janitor',
      'machine.states.review.on.approve.guard': '未注册的条件：isFullMoon',
      'machine.states.survey.on.complete.meta.artifacts.0.kind': '未知的附件类型：selfie',
      'machine.states.payment.meta.label': '步骤缺少中文名称',
      'machine.states.orphan': '步骤“孤立步骤”（orphan）不可到达',
      'machine.states.dead-end': '非终止步骤没有任何出口',
      'machine.states.handover.on.submit.target': '目标状态“nowhere”不存在',
    });
    const versions = await app.strapi.db
      .query('plugin::workflow.definition')
      .count({ where: { key: 'water-resident' } });
    expect(versions).toBe(2);
  });

  it('only administrators may publish', async () => {
    const res = await call(app, w.staff.clerk, 'post', '/definitions').send(file('water-resident'));
    expect(res.status).toBe(403);
    const list = await call(app, w.staff.clerk, 'get', '/definitions');
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: any) => d.key)).toContain('water-enterprise');
  });

  // A transition without effects that raises a warning is not written in one trip on MySQL (the
  // warning takes its own transaction): an administrator may add one.
  it('a published transition that raises a warning raises it', async () => {
    const spec = file('water-resident');
    spec.machine.states.review.meta.label = '申请审核（可上报）';
    spec.machine.states.review.on.escalate = {
      target: 'review',
      meta: {
        label: '上报异常',
        warningLevel: 2,
        form: { fields: [{ name: 'text', label: '情况', type: 'textarea', maxLength: 200 }] },
      },
    };
    const published = await publish(spec);
    expect(published.status).toBe(201);
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    const moved = await step(app, w.staff.clerk, n, 'escalate', { text: '现场无人' });
    expect(moved.currentStep).toBe('review');
    const order = await app.strapi.db.query('api::order.order').findOne({ where: { number: n } });
    expect(order.definitionVersion).toBe(published.body.data.version);
    expect(order.warningLevel).toBe(2);
    const events = await app.strapi.db
      .query('plugin::workflow.history-event')
      .findMany({ where: { orderId: order.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e: any) => e.action)).toEqual(['submit', 'escalate', 'warn']);
  });
});

describe('rules are data, validated on save', () => {
  const CM = '/content-manager/collection-types/plugin::workflow.rule';

  it('ships the energy rules and evaluates them with json-rules-engine', async () => {
    const rules = app.strapi.plugin('workflow').service('rules');
    const events = await rules.evaluate('energy-service', 'category', { description: '厂区屋顶光伏与储能改造' });
    expect(events[0]).toMatchObject({ type: 'category', params: { category: '综合能源改造' } });
  });

  it('refuses a rule that cannot run, and accepts a good one that takes effect', async () => {
    const bad = await app
      .http()
      .post(CM)
      .set('Authorization', `Bearer ${w.admin.token}`)
      .send({
        name: '坏规则',
        processKey: 'energy-service',
        purpose: 'category',
        conditions: { all: [{ fact: 'description', operator: 'resembles', value: 'x' }] },
        event: { type: 'fail' },
      });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body).sort()).toEqual(['conditions.all.0.operator', 'event.params.category', 'event.type']);

    const good = await app
      .http()
      .post(CM)
      .set('Authorization', `Bearer ${w.admin.token}`)
      .send({
        name: '关键词：充电桩',
        processKey: 'energy-service',
        purpose: 'category',
        priority: 10,
        conditions: { all: [{ fact: 'description', operator: 'containsAny', value: ['充电桩'] }] },
        event: { type: 'category', params: { category: '电力接入' } },
      });
    expect(good.status).toBe(201);
    const n = await apply(
      app,
      w.applicants['bazhong-steel'],
      'energy-service',
      {
        name: '黄厂长',
        contactPhone: '13712345678',
        address: '巴中经济开发区工业园5号',
        description: '停车场新建20个充电桩，需要节能改造配套',
      },
      'mini-program',
    );
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { number: n } });
    expect(row.category).toBe('电力接入');
  });
});
