import { describe, expect, it } from 'vitest';
import { act, app, apply, call, enterpriseForm, step, upload, useWorld, view, w } from './helpers/workflow';
import { waterStages, CONTRACT } from './helpers/water-path';
import { errorPaths } from './helpers/applicants';

useWorld();
const path = { advance: (n: string, until: string) => waterStages(app, w).advance(n, until) };

const newOrder = () => apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
const db = () => app.strapi.db;
const orderRow = (number: string) =>
  db()
    .query('api::order.order')
    .findOne({ where: { number }, populate: ['assignee'] });

describe('water-enterprise: the main path', () => {
  it('walks from the official-account page to completed, every step in the history chain', async () => {
    const applicant = w.applicants.zhujiang;
    const n = await newOrder();
    expect((await view(app, applicant, n)).currentStep).toBe('review');
    await path.advance(n, 'handover');
    await upload(app, w.staff.acceptance, n, 'handover-form');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '已移交' });
    expect((await step(app, w.staff.designer, n, 'skip')).currentStep).toBe('settlement');
    await upload(app, w.staff.finance, n, 'settlement', '.pdf');
    const done = await step(app, w.staff.finance, n, 'complete', { finalCost: 118000 });
    expect(done).toMatchObject({ currentStep: 'completed', outcome: 'completed' });

    const o = await view(app, applicant, n);
    expect(o.history.length).toBeGreaterThanOrEqual(20);
    expect(o.history.map((e: any) => e.toStep)).toEqual(
      expect.arrayContaining([
        'review',
        'dispatch',
        'survey',
        'design',
        'budget-confirm',
        'contract-draft',
        'payment',
        'dispatch-sheet',
        'construction',
        'acceptance',
        'handover',
        'as-built',
        'settlement',
        'completed',
      ]),
    );
    for (const e of o.history.filter((h: any) => h.elapsed)) expect(e.elapsed.text).toMatch(/^(\d+小时|\d+天\d+小时)$/);
    expect(o.actions).toEqual([]);
    const row = await orderRow(n);
    expect(Number(row.finalCost)).toBe(118000);
    expect(row.dispatchSheet).toMatchObject({ meterNumber: 'WM-0001', meterCaliber: 'DN50' });
    const contract = await db()
      .query('api::contract.contract')
      .findOne({ where: { order: { id: row.id } } });
    expect(contract).toMatchObject({
      contractNo: 'YJ-GS-2019-4',
      counterpartyOutcome: 'approved',
      outcome: 'approved',
    });
    expect(contract.approvals).toHaveLength(7);
    const verify = await call(app, w.admin, 'get', `/orders/${n}/verify`);
    expect(verify.body.data).toMatchObject({ valid: true });
    const outbox = await db()
      .query('plugin::workflow.outbox-message')
      .findMany({ where: { orderId: row.id } });
    expect(outbox.map((m: any) => m.template)).toEqual(
      expect.arrayContaining(['plan-ready', 'budget-ready', 'contract-signed', 'order-completed']),
    );
  });
});

describe('water-enterprise: review and dispatch', () => {
  it('review reject ends the order with the reason shown', async () => {
    const n = await newOrder();
    const missing = await act(app, w.staff.clerk, n, 'reject', {});
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['form.reason']);
    const res = await step(app, w.staff.clerk, n, 'reject', { reason: '用水地址不在供水范围内' });
    expect(res).toMatchObject({ currentStep: 'rejected', outcome: 'rejected' });
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.history.at(-1)).toMatchObject({
      action: 'reject',
      comment: '用水地址不在供水范围内',
      toStepLabel: '审核不通过',
    });
  });

  it('a window clerk entry skips review', async () => {
    const res = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm({ unitName: '窗口受理单位' }),
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ currentStep: 'dispatch', channel: 'window' });
    const surveyorOnly = await call(app, w.staff.surveyor, 'post', '/orders').send({
      processKey: 'water-enterprise',
      formData: enterpriseForm(),
    });
    expect(surveyorOnly.status).toBe(403);
  });

  it('dispatch approve may name another surveyor; an unknown one is refused', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    const other = await db()
      .query('api::staff-profile.staff-profile')
      .findOne({ where: { name: '张勘察' } });
    const bad = await act(app, w.staff.techhead, n, 'approve', { surveyorId: 999999 });
    expect(bad.status).toBe(400);
    await step(app, w.staff.techhead, n, 'approve', { surveyorId: other.id });
    expect((await orderRow(n)).assignee.id).toBe(other.id);
  });

  it('dispatch reject returns it to the applicant, who edits and resubmits', async () => {
    const n = await newOrder();
    await step(app, w.staff.clerk, n, 'approve');
    await step(app, w.staff.techhead, n, 'reject', { reason: '建筑面积有误' });
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.currentStep).toBe('returned');
    expect(o.actions.map((a: any) => a.action).sort()).toEqual(['resubmit', 'withdraw']);
    await step(app, w.applicants.zhujiang, n, 'resubmit', enterpriseForm({ buildingArea: 2222 }));
    const after = await view(app, w.applicants.zhujiang, n);
    expect(after).toMatchObject({ currentStep: 'review', formData: expect.objectContaining({ buildingArea: 2222 }) });
  });
});

describe('water-enterprise: survey, design and budget', () => {
  it('survey needs site photos and the plan sketch, and names what is missing', async () => {
    const n = await newOrder();
    await path.advance(n, 'survey');
    const res = await act(app, w.staff.surveyor, n, 'complete');
    expect(res.status).toBe(422);
    expect(res.body.error.details.missing.map((m: any) => m.kind)).toEqual(['site-photo', 'plan-sketch']);
    await upload(app, w.staff.surveyor, n, 'site-photo');
    const still = await act(app, w.staff.surveyor, n, 'complete');
    expect(still.body.error.details.missing.map((m: any) => m.kind)).toEqual(['plan-sketch']);
  });

  it('design takes a .dwg drawing and an Excel budget and refuses other formats', async () => {
    const n = await newOrder();
    await path.advance(n, 'design');
    const wrong = await call(app, w.staff.designer, 'post', `/orders/${n}/files`)
      .field('kind', 'budget')
      .attach('file', Buffer.from('%PDF-1.4'), { filename: 'budget.pdf', contentType: 'application/pdf' });
    expect(wrong.status).toBe(400);
    expect(errorPaths(wrong.body)).toEqual(['file']);
  });

  it('a rejected budget goes back to design; the new budget becomes version 2 and the old one stays', async () => {
    const n = await newOrder();
    await path.advance(n, 'budget-confirm');
    await step(app, w.applicants.zhujiang, n, 'reject', { reason: '预算过高' });
    expect((await orderRow(n)).currentStep).toBe('design');
    // The budget of the first visit does not count for the second.
    expect((await act(app, w.staff.designer, n, 'submit')).status).toBe(422);
    await upload(app, w.staff.designer, n, 'drawing', '.dwg');
    const v2 = await upload(app, w.staff.designer, n, 'budget', '.xlsx', '预算书（修改版）.xlsx');
    expect(v2.version).toBe(2);
    await step(app, w.staff.designer, n, 'submit');
    await step(app, w.applicants.zhujiang, n, 'confirm');
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.files.budget.map((f: any) => [f.version, f.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(o.currentStep).toBe('contract-draft');
  });
});

describe('water-enterprise: the contract sub-process', () => {
  it('runs seven approvals in order; the signed upload waits while the counterparty is unknown', async () => {
    const n = await newOrder();
    await path.advance(n, 'contract-draft');
    await step(app, w.staff.contract, n, 'submit', CONTRACT);
    const o = await view(app, w.staff.contract, n);
    expect(o.activeSteps.map((s: any) => s.key)).toEqual(['contract-approval-1', 'counterparty-unknown']);
    for (let i = 1; i <= 7; i += 1) await step(app, w.staff.contract, n, 'approve', { notes: `第${i}级同意` });
    await upload(app, w.staff.contract, n, 'signed-contract', '.pdf');
    const waiting = await act(app, w.staff.contract, n, 'upload-signed');
    expect(waiting.status).toBe(422);
    expect(waiting.body.error.message).toContain('对方');
    await step(app, w.staff.contract, n, 'counterparty-approved');
    expect((await step(app, w.staff.contract, n, 'upload-signed')).currentStep).toBe('payment');
  });

  it('counterparty rejected before approval 3 ends it not approved; the order can be terminated', async () => {
    const n = await newOrder();
    await path.advance(n, 'contract-draft');
    await step(app, w.staff.contract, n, 'submit', CONTRACT);
    await step(app, w.staff.contract, n, 'approve');
    await step(app, w.staff.contract, n, 'approve');
    const res = await step(app, w.staff.contract, n, 'counterparty-rejected', { reason: '业主董事会未通过' });
    expect(res.currentStep).toBe('contract-not-approved');
    const contract = await db()
      .query('api::contract.contract')
      .findOne({ where: { order: { id: (await orderRow(n)).id } } });
    expect(contract.approvals).toHaveLength(2);
    expect(contract.counterpartyOutcome).toBe('rejected');
    const end = await step(app, w.applicants.zhujiang, n, 'terminate', { reason: '项目取消' });
    expect(end).toMatchObject({ currentStep: 'terminated', outcome: 'terminated' });
  });

  it('the signed upload ends not approved when the counterparty rejects at the last step; redraft starts again', async () => {
    const n = await newOrder();
    await path.advance(n, 'contract-draft');
    await step(app, w.staff.contract, n, 'submit', CONTRACT);
    for (let i = 0; i < 7; i += 1) await step(app, w.staff.contract, n, 'approve');
    expect((await step(app, w.staff.contract, n, 'counterparty-rejected', { reason: '不同意' })).currentStep).toBe(
      'contract-not-approved',
    );
    const again = await step(app, w.staff.contract, n, 'redraft');
    expect(again.currentStep).toBe('contract-draft');
    await step(app, w.staff.contract, n, 'submit', { ...CONTRACT, contractNo: 'YJ-GS-2019-5' });
    const o = await view(app, w.staff.contract, n);
    expect(o.activeSteps.map((s: any) => s.key)).toEqual(['contract-approval-1', 'counterparty-unknown']);
  });
});

describe('water-enterprise: payment', () => {
  it('not paid: the leader approves, the order is flagged payment deferred', async () => {
    const n = await newOrder();
    await path.advance(n, 'payment');
    await step(app, w.staff.finance, n, 'not-paid', { reason: '用户申请先施工' });
    expect((await step(app, w.staff.leader, n, 'approve')).currentStep).toBe('dispatch-sheet');
    expect((await orderRow(n)).paymentDeferred).toBe(true);
  });

  it('not paid: the leader rejects, back to payment', async () => {
    const n = await newOrder();
    await path.advance(n, 'payment');
    await step(app, w.staff.finance, n, 'not-paid', { reason: '用户未缴费' });
    expect((await step(app, w.staff.leader, n, 'reject', { reason: '须先缴费' })).currentStep).toBe('payment');
    expect((await orderRow(n)).paymentDeferred).toBe(false);
  });
});

describe('water-enterprise: construction and after', () => {
  it('construction needs all three photo kinds', async () => {
    const n = await newOrder();
    await path.advance(n, 'construction');
    await upload(app, w.staff.crew, n, 'construction-start-photo');
    const res = await act(app, w.staff.crew, n, 'finish');
    expect(res.status).toBe(422);
    expect(res.body.error.details.missing.map((m: any) => m.kind)).toEqual([
      'construction-finish-photo',
      'water-on-photo',
    ]);
  });

  it('a site visa keeps construction going and makes the as-built drawing required', async () => {
    const n = await newOrder();
    await path.advance(n, 'construction');
    await upload(app, w.staff.crew, n, 'visa');
    expect((await step(app, w.staff.crew, n, 'visa', { notes: '管线改线' })).currentStep).toBe('construction');
    expect((await orderRow(n)).changedDuringConstruction).toBe(true);
    for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'])
      await upload(app, w.staff.crew, n, kind);
    await step(app, w.staff.crew, n, 'finish');
    await upload(app, w.staff.acceptance, n, 'acceptance-form');
    await upload(app, w.staff.acceptance, n, 'site-photo');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '合格' });
    await upload(app, w.staff.acceptance, n, 'handover-form');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '移交' });
    const skip = await act(app, w.staff.designer, n, 'skip');
    expect(skip.status).toBe(422);
    expect(skip.body.error.message).toContain('竣工图');
    await upload(app, w.staff.designer, n, 'as-built-drawing', '.dwg');
    expect((await step(app, w.staff.designer, n, 'submit')).currentStep).toBe('settlement');
  });

  it('a design change waits for the applicant to confirm the new budget; rejecting sends it back', async () => {
    const n = await newOrder();
    await path.advance(n, 'construction');
    await step(app, w.staff.crew, n, 'design-change', { reason: '现场与图纸不符' });
    await upload(app, w.staff.designer, n, 'drawing', '.dwg');
    await upload(app, w.staff.designer, n, 'budget', '.xlsx');
    await step(app, w.staff.designer, n, 'submit');
    expect((await step(app, w.applicants.zhujiang, n, 'reject', { reason: '费用太高' })).currentStep).toBe(
      'change-design',
    );
    await upload(app, w.staff.designer, n, 'drawing', '.dwg');
    await upload(app, w.staff.designer, n, 'budget', '.xlsx');
    await step(app, w.staff.designer, n, 'submit');
    expect((await step(app, w.applicants.zhujiang, n, 'confirm')).currentStep).toBe('construction');
    const o = await view(app, w.applicants.zhujiang, n);
    expect(o.files.budget.length).toBe(3);
    expect(o.flags.changedDuringConstruction).toBe(true);
  });
});
