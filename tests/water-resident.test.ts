import { describe, expect, it } from 'vitest';
import { act, apply, call, app, w, useWorld, step, upload, view } from './helpers/workflow';

useWorld();

const residentForm = {
  name: '张三',
  contactPhone: '13612345678',
  idNumber: '11010519491231002X',
  address: '巴中市巴州区回风路8号',
  waterAddress: '巴中市巴州区回风路8号3单元',
};

describe('water-resident: the short path', () => {
  it('goes review → survey → payment → construction → acceptance → handover → completed', async () => {
    const me = w.applicants.zhangsan;
    const n = await apply(app, me, 'water-resident', residentForm);
    const s = w.staff;
    await step(app, s.clerk, n, 'approve');
    await upload(app, s.surveyor, n, 'site-photo');
    await upload(app, s.surveyor, n, 'plan-sketch', '.png');
    expect((await step(app, s.surveyor, n, 'complete')).currentStep).toBe('payment');
    await step(app, s.finance, n, 'record-paid', { amount: 1800 });
    for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'])
      await upload(app, s.crew, n, kind);
    await step(app, s.crew, n, 'finish');
    await upload(app, s.acceptance, n, 'acceptance-form');
    await upload(app, s.acceptance, n, 'site-photo');
    await step(app, s.acceptance, n, 'submit', { notes: '合格' });
    await upload(app, s.acceptance, n, 'handover-form');
    expect(await step(app, s.acceptance, n, 'submit', { notes: '已移交' })).toMatchObject({
      currentStep: 'completed',
      outcome: 'completed',
    });
    const o = await view(app, me, n);
    expect(o.history.map((e: any) => e.toStep)).toEqual([
      'review',
      'survey',
      'payment',
      'construction',
      'acceptance',
      'handover',
      'completed',
    ]);
    expect(o.category).toBe('永久性用水');
  });

  it('a window entry starts at the survey', async () => {
    const res = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-resident',
      formData: residentForm,
    });
    expect(res.status).toBe(201);
    expect(res.body.data.currentStep).toBe('survey');
  });

  it("the applicant cannot act on a staff step, nor staff on the applicant's", async () => {
    const n = await apply(app, w.applicants.zhangsan, 'water-resident', residentForm);
    expect((await act(app, w.applicants.zhangsan, n, 'approve')).status).toBe(403);
    expect((await act(app, w.staff.deptadmin, n, 'approve')).status).toBe(403);
    // A surveyor does not even see an order waiting for review.
    expect((await act(app, w.staff.surveyor, n, 'approve')).status).toBe(404);
    expect((await act(app, w.staff.clerk, n, 'no-such-action')).status).toBe(422);
  });
});
