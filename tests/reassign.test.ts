import { beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, useWorld, w, type Caller } from './helpers/workflow';

useWorld();

const db = () => app.strapi.db;
const outbox = () => app.strapi.plugin('workflow').service('outbox');
const drain = async () => {
  for (let i = 0; i < 20; i++) {
    const r = await outbox().runOnce();
    if (r.sent + r.skipped + r.retried + r.dead === 0) return;
  }
};
const profile = (name: string) => db().query('api::staff-profile.staff-profile').findOne({ where: { name } });
const orderOf = (number: string) =>
  db()
    .query('api::order.order')
    .findOne({ where: { number }, populate: { assignee: { select: ['id', 'name'] } } });
const messagesOf = async (who: Caller, number: string) =>
  (await call(app, who, 'get', '/messages?pageSize=100')).body.data.filter((m: any) => m.number === number);
const resident = { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' };

/** A second surveyor in the water company's technical department, signed in. */
let second: Caller;
beforeAll(async () => {
  const role = await db()
    .query('admin::role')
    .findOne({ where: { code: 'workflow-frontline' } });
  const email = 'surveyor2@demo.local';
  await app.strapi.service('admin::user').create({
    email,
    firstname: '勘察',
    lastname: '钱',
    password: 'Staff@12345',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const tech = await db()
    .query('api::organization.organization')
    .findOne({ where: { code: 'WATER-TECH' } });
  const made = await call(app, w.admin, 'post', '/directory/staff').send({
    name: '钱勘察',
    email,
    organization: tech.id,
    jobRoles: ['surveyor'],
    mobile: '13800000099',
  });
  if (made.status !== 200 && made.status !== 201) throw new Error(`staff: ${made.status} ${JSON.stringify(made.body)}`);
  const login = await app.http().post('/admin/login').send({ email, password: 'Staff@12345' });
  second = { kind: 'staff', token: login.body.data.token, base: '/workflow' };
});

describe('转办/改派', () => {
  it('the technical head gives a survey to another surveyor with a reason; both are told, only the new one acts', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '改派单位' }));
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'approve');
    const before = await orderOf(n);
    expect(before.currentStep).toBe('survey');
    const choices = (await call(app, w.staff.techhead, 'get', `/orders/${n}/reassign`)).body.data;
    expect(choices.map((c: any) => c.name).sort()).toEqual(['张勘察', '钱勘察'].sort());
    const to = choices.find((c: any) => !c.current);
    const from = before.assignee;
    const reassign = (who: Caller, body: Record<string, unknown>) =>
      call(app, who, 'post', `/orders/${n}/reassign`).send({ version: before.lockVersion, ...body });

    expect((await reassign(w.staff.surveyor, { assignee: to.id, reason: '休假' })).status).toBe(403);
    const noReason = await reassign(w.staff.techhead, { assignee: to.id, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0]).toMatchObject({
      path: ['reason'],
      message: '请填写改派原因（200字以内）',
    });
    const designer = await profile('赵设计');
    const wrong = await reassign(w.staff.techhead, { assignee: designer.id, reason: '休假' });
    expect(wrong.body.error.details.errors[0]).toMatchObject({ path: ['assignee'], message: '所选人员不能办理本环节' });
    expect((await reassign(w.staff.techhead, { assignee: from.id, reason: '休假' })).status).toBe(422);
    const stale = await call(app, w.staff.techhead, 'post', `/orders/${n}/reassign`).send({
      version: before.lockVersion - 1,
      assignee: to.id,
      reason: '休假',
    });
    expect(stale.status).toBe(409);
    expect((await orderOf(n)).assignee.id).toBe(from.id);

    const done = await reassign(w.staff.techhead, { assignee: to.id, reason: '原勘察员休假' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data).toMatchObject({ version: before.lockVersion + 1, assignee: { id: to.id, name: to.name } });
    const after = await orderOf(n);
    expect(after).toMatchObject({
      currentStep: 'survey',
      assignee: { id: to.id },
      lockVersion: before.lockVersion + 1,
    });
    const event = await db()
      .query('plugin::workflow.history-event')
      .findOne({ where: { orderId: after.id, action: 'reassign' } });
    expect(event).toMatchObject({
      actionLabel: '改派',
      actorName: '李技术',
      comment: '原勘察员休假',
      changes: { assignee: { before: from.id, after: to.id } },
    });
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);

    await drain();
    const callerOf = (name: string) => (name === '钱勘察' ? second : w.staff.surveyor);
    expect(await messagesOf(callerOf(to.name), n)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'task-reassigned', body: '改派原因：原勘察员休假' })]),
    );
    expect((await messagesOf(callerOf(from.name), n)).map((m: any) => m.kind)).toContain('task-taken-away');
    // The old holder, who never acted on it, no longer has it; the new one has it in 待办.
    expect((await call(app, callerOf(from.name), 'get', `/orders/${n}`)).status).toBe(404);
    const mine = (await call(app, callerOf(to.name), 'get', '/orders?mine=true&pageSize=100')).body.data;
    expect(mine.map((o: any) => o.number)).toContain(n);
  });

  it('works on the resident process, which has no dispatch step: the department administrator reassigns', async () => {
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', resident);
    await step(app, w.staff.clerk, n, 'approve');
    const before = await orderOf(n);
    expect(before.currentStep).toBe('survey');
    const target = before.assignee.name === '钱勘察' ? await profile('张勘察') : await profile('钱勘察');
    const res = await call(app, w.staff.deptadmin, 'post', `/orders/${n}/reassign`).send({
      version: before.lockVersion,
      assignee: target.id,
      reason: '就近安排',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await orderOf(n)).assignee.id).toBe(target.id);
    // Only holders of the step’s job role may take it: a surveyor may not take a review.
    const review = await apply(app, w.applicants.zhangsan, 'water-resident', resident);
    const row = await orderOf(review);
    const refused = await call(app, w.admin, 'post', `/orders/${review}/reassign`).send({
      version: row.lockVersion,
      assignee: target.id,
      reason: '就近安排',
    });
    expect(refused.status).toBe(400);
  });
});

describe('新任务', () => {
  it('every assignment tells the assignee in the panel, and by SMS when the settings say so', async () => {
    const settings = (await call(app, w.admin, 'get', '/settings')).body.data;
    await call(app, w.admin, 'put', '/settings').send({ ...settings, staffSms: { assignment: true } });
    try {
      const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '新任务单位' }));
      await step(app, w.staff.clerk, n, 'approve');
      await step(app, w.staff.techhead, n, 'approve');
      const order = await orderOf(n);
      const holder = await db()
        .query('api::staff-profile.staff-profile')
        .findOne({ where: { id: order.assignee.id }, populate: { adminUser: { select: ['id'] } } });
      const rows = await db()
        .query('plugin::workflow.outbox-message')
        .findMany({ where: { orderId: order.id, template: 'task-assigned' }, orderBy: { id: 'asc' } });
      expect(rows.map((r: any) => [r.audience, r.channel, r.recipient])).toEqual([
        ['person', 'message', String(holder.adminUser.id)],
        ['person', 'sms', holder.mobile],
      ]);
      await drain();
      const holderCaller = holder.name === '钱勘察' ? second : w.staff.surveyor;
      expect(await messagesOf(holderCaller, n)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'task-assigned', title: `新任务：工单${n}“现场勘察”` }),
        ]),
      );
    } finally {
      await call(app, w.admin, 'put', '/settings').send(settings);
    }
  });
});
