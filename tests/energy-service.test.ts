import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { act, apply, call, app, w, useWorld, step, upload, view } from './helpers/workflow';
import { errorPaths } from './helpers/applicants';

useWorld();

const energyForm = (overrides: Record<string, unknown> = {}) => ({
  name: '黄厂长',
  contactPhone: '13712345678',
  address: '巴中经济开发区工业园5号',
  description: '新建厂房需要电力接入，预计负荷800千瓦',
  ...overrides,
});
const db = () => app.strapi.db;
const orderRow = (number: string) =>
  db()
    .query('api::order.order')
    .findOne({ where: { number }, populate: ['assignee', 'organization'] });
const steel = () => w.applicants['bazhong-steel'];
// A 1×1 white PNG, as the signature pad sends it.
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

describe('energy-service: pre-review and dispatch by rule', () => {
  it('returns every failed reason at once; after fixing, the rules dispatch to the energy company', async () => {
    const n = await apply(
      app,
      steel(),
      'energy-service',
      energyForm({ address: '工业园', description: '改造', category: '综合能源改造' }),
      'mini-program',
    );
    const o = await view(app, steel(), n);
    expect(o.currentStep).toBe('returned');
    const reasons = o.history.at(-1).changes.preReview.after.reasons;
    expect(reasons).toEqual([
      '需求描述过于简略，请至少填写10个字，说明用电或改造需求',
      '地址不完整，请填写到街道门牌号',
      '综合能源改造需求请上传现场照片或视频',
    ]);

    await upload(app, steel(), n, 'site-photo');
    const fixed = await step(
      app,
      steel(),
      n,
      'resubmit',
      energyForm({ description: '老厂区空压机与照明节能改造', category: '综合能源改造' }),
    );
    expect(fixed.currentStep).toBe('planning');
    const row = await orderRow(n);
    expect(row.organization.code).toBe('ENERGY');
    expect(row.category).toBe('综合能源改造');
  });

  it('suggests the category from the description and dispatches capacity expansion to the power bureau', async () => {
    const n = await apply(
      app,
      steel(),
      'energy-service',
      energyForm({ description: '现有变压器负荷不足，申请扩容到1250千伏安' }),
      'mini-program',
    );
    const row = await orderRow(n);
    expect(row).toMatchObject({ category: '扩容', currentStep: 'planning' });
    expect(row.organization.code).toBe('POWER');
    const o = await view(app, steel(), n);
    expect(o.history.at(-1).changes.organization.after).toMatchObject({ code: 'POWER', planType: '初步方案' });
  });
});

describe('energy-service: plan, survey, contract, implementation, acceptance, rating', () => {
  let n: string;

  it('plan rejected with feedback goes back to planning; confirmed with a signature, hashed into the log', async () => {
    n = await apply(app, steel(), 'energy-service', energyForm(), 'mini-program');
    const planner = w.staff['power-planner'];
    expect((await act(app, w.staff['energy-planner'], n, 'submit-plan')).status).toBe(404);
    await upload(app, planner, n, 'plan', '.pdf');
    await step(app, planner, n, 'submit-plan');
    expect((await step(app, steel(), n, 'feedback', { comment: '希望分两期实施' })).currentStep).toBe('planning');
    const plan = await upload(app, planner, n, 'plan', '.pdf', '初步方案（第二版）.pdf');
    await step(app, planner, n, 'submit-plan');

    const unsigned = await act(app, steel(), n, 'confirm', {});
    expect(unsigned.status).toBe(400);
    expect(errorPaths(unsigned.body)).toEqual(['form.signature']);
    const before = Date.now();
    expect((await step(app, steel(), n, 'confirm', { signature: SIGNATURE })).currentStep).toBe('survey');

    const row = await orderRow(n);
    const sig = await db()
      .query('api::signature.signature')
      .findOne({ where: { order: { id: row.id } }, populate: ['image', 'signer'] });
    const imageHash = createHash('sha256')
      .update(Buffer.from(SIGNATURE.split(',')[1], 'base64'))
      .digest('hex');
    expect(sig.sha256).toBe(
      createHash('sha256').update([n, 'confirm', plan.sha256, imageHash].join('|')).digest('hex'),
    );
    expect(new Date(sig.signedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(sig.signer.id).toBe(
      (
        await db()
          .query('plugin::users-permissions.user')
          .findOne({ where: { username: 'bazhong-steel' } })
      ).id,
    );
    const event = (await view(app, steel(), n)).history.at(-1);
    expect(event.changes.signature.after.sha256).toBe(sig.sha256);
    expect(JSON.stringify(event)).not.toContain('base64');
  });

  it('assigns the surveyor with the least open work in the organization', async () => {
    const row = await orderRow(n);
    const planner = await db()
      .query('api::staff-profile.staff-profile')
      .findOne({ where: { name: '陈电力' } });
    expect(row.assignee.id).toBe(planner.id);
  });

  it('survey records photos, GPS and a voice note', async () => {
    const surveyor = w.staff['power-planner'];
    await upload(app, surveyor, n, 'site-photo');
    const res = await act(app, surveyor, n, 'complete', { latitude: 31.8691, longitude: 106.7478 });
    expect(res.status).toBe(422);
    expect(res.body.error.details.missing.map((m: any) => m.kind)).toEqual(['voice-note']);
    await upload(app, surveyor, n, 'voice-note', '.mp3');
    await step(app, surveyor, n, 'complete', { latitude: 31.8691, longitude: 106.7478, notes: '配电房位于厂区东侧' });
    const record = await db()
      .query('api::survey-record.survey-record')
      .findOne({ where: { order: { id: (await orderRow(n)).id } }, populate: ['photos', 'voiceNotes'] });
    expect(Number(record.latitude)).toBeCloseTo(31.8691, 4);
    expect(record.photos).toHaveLength(1);
    expect(record.voiceNotes).toHaveLength(1);
  });

  it('archives the contract file, takes any number of progress reports and an exception report', async () => {
    const admin = w.staff['power-admin'];
    await upload(app, admin, n, 'contract', '.docx');
    expect((await step(app, admin, n, 'submit')).currentStep).toBe('implementation');
    const crew = w.staff['power-crew'];
    for (const text of ['电缆沟开挖完成', '变压器到货', '高压柜安装完成'])
      expect((await step(app, crew, n, 'report', { text, stage: '施工' })).currentStep).toBe('implementation');
    await step(app, crew, n, 'report-exception', { text: '暴雨导致基坑积水，需停工' });
    const id = (await orderRow(n)).id;
    const reports = await db()
      .query('api::progress-report.progress-report')
      .findMany({ where: { order: { id } } });
    expect(reports.map((r: any) => r.exception)).toEqual([false, false, false, true]);
    // An exception raises the level-3 warning at once, to the super administrators and leaders.
    const warnings = await db()
      .query('plugin::workflow.outbox-message')
      .findMany({ where: { orderId: id, template: { $startsWith: 'warning-level-' } } });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      template: 'warning-level-3',
      audience: 'executives',
      channel: 'message',
      status: 'pending',
    });
    expect(warnings[0].payload).toMatchObject({ level: 3, exception: true, reason: '暴雨导致基坑积水，需停工' });
    expect((await orderRow(n)).warningLevel).toBe(3);
    const events = await db()
      .query('plugin::workflow.history-event')
      .findMany({ where: { orderId: id, action: 'warn' } });
    expect(events.map((e: any) => e.actionLabel)).toEqual(['三级预警']);
  });

  it('acceptance, then a 1-5 rating completes the order', async () => {
    await step(app, w.staff['power-crew'], n, 'finish');
    await upload(app, w.staff['power-admin'], n, 'acceptance-form', '.pdf');
    expect((await step(app, w.staff['power-admin'], n, 'submit', { notes: '验收合格' })).currentStep).toBe('rating');
    const six = await act(app, steel(), n, 'rate', { score: 6 });
    expect(six.status).toBe(400);
    expect(errorPaths(six.body)).toEqual(['form.score']);
    expect(await step(app, steel(), n, 'rate', { score: 5, comment: '服务很好' })).toMatchObject({
      currentStep: 'completed',
      outcome: 'completed',
    });
    const evaluation = await db()
      .query('api::evaluation.evaluation')
      .findOne({ where: { order: { id: (await orderRow(n)).id } } });
    expect(evaluation).toMatchObject({ score: 5, comment: '服务很好' });
  });

  it('an unrated order closes by itself after 7 days', async () => {
    const m = await apply(app, steel(), 'energy-service', energyForm(), 'mini-program');
    const planner = w.staff['power-planner'];
    await upload(app, planner, m, 'plan', '.pdf');
    await step(app, planner, m, 'submit-plan');
    await step(app, steel(), m, 'confirm', { signature: SIGNATURE });
    await upload(app, planner, m, 'site-photo');
    await upload(app, planner, m, 'voice-note', '.mp3');
    await step(app, planner, m, 'complete', { latitude: 31.8, longitude: 106.7 });
    await upload(app, w.staff['power-admin'], m, 'contract', '.pdf');
    await step(app, w.staff['power-admin'], m, 'submit');
    await step(app, w.staff['power-crew'], m, 'finish');
    await upload(app, w.staff['power-admin'], m, 'acceptance-form', '.pdf');
    await step(app, w.staff['power-admin'], m, 'submit', { notes: '合格' });
    const timers = app.strapi.plugin('workflow').service('timers');
    expect(await timers.runDue(new Date(Date.now() + 6 * 24 * 3_600_000))).not.toContain(m);
    expect(await timers.runDue(new Date(Date.now() + 7 * 24 * 3_600_000 + 60_000))).toContain(m);
    const row = await orderRow(m);
    expect(row).toMatchObject({ currentStep: 'completed', outcome: 'completed' });
    const last = (await view(app, steel(), m)).history.at(-1);
    expect(last).toMatchObject({ action: 'timeout', actor: { kind: 'system', name: '系统' } });
  });
});

describe('energy-service: automatic assignment', () => {
  it('gives the survey to the surveyor with the least open work in the organization', async () => {
    const power = await db()
      .query('api::organization.organization')
      .findOne({ where: { code: 'POWER' } });
    const fresh = await db()
      .query('api::staff-profile.staff-profile')
      .create({ data: { name: '新勘察员', organization: power.id, jobRoles: ['surveyor'], active: true } });
    const planner = w.staff['power-planner'];
    const toSurvey = async () => {
      const m = await apply(app, steel(), 'energy-service', energyForm(), 'mini-program');
      await upload(app, planner, m, 'plan', '.pdf');
      await step(app, planner, m, 'submit-plan');
      await step(app, steel(), m, 'confirm', { signature: SIGNATURE });
      return (await orderRow(m)).assignee?.id;
    };
    const counts = async () => {
      const open = await db()
        .query('api::order.order')
        .findMany({
          where: { outcome: { $null: true }, assignee: { id: { $notNull: true } } },
          populate: ['assignee'],
        });
      return (id: number) => open.filter((o: any) => o.assignee.id === id).length;
    };
    const first = await toSurvey();
    const load = await counts();
    const second = await toSurvey();
    // The first survey made its surveyor busier, so the second goes to the other one.
    expect(load(first!)).toBeGreaterThan(load(second!));
    expect(second).not.toBe(first);
    expect([first, second]).toContain(fresh.id);
  });
});

describe('applicant API extras', () => {
  it('lists the processes with their forms', async () => {
    const res = await call(app, steel(), 'get', '/processes');
    expect(res.status).toBe(200);
    const keys = res.body.data.map((p: any) => p.key);
    // An enterprise is offered the enterprise processes only.
    expect(keys).toEqual(['energy-service', 'water-enterprise']);
    expect(res.body.data[0].form.fields.map((f: any) => f.name)).toContain('description');
  });
});
