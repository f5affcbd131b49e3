import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from './helpers/strapi';
import { act, apply, demoWorld, enterpriseForm, step, upload, view, type World } from './helpers/workflow';

let app: TestApp;
let w: World;
beforeAll(async () => {
  app = await bootApp();
  w = await demoWorld(app);
});
afterAll(async () => {
  await app?.close();
});

describe('water-enterprise: the main path', () => {
  it('walks from the official-account page to completed', async () => {
    const applicant = w.applicants.zhujiang;
    const n = await apply(app, applicant, 'water-enterprise', enterpriseForm());
    let o = await view(app, applicant, n);
    expect(o.currentStep).toBe('review');
    expect(o.stepLabel).toBe('申请审核');

    await step(app, w.staff.clerk, n, 'approve', { notes: '资料齐全' });
    const dispatched = await step(app, w.staff.techhead, n, 'approve', {});
    expect(dispatched.currentStep).toBe('survey');
    await upload(app, w.staff.surveyor, n, 'site-photo', '.jpg');
    await upload(app, w.staff.surveyor, n, 'plan-sketch', '.png');
    await step(app, w.staff.surveyor, n, 'complete');
    await upload(app, w.staff.designer, n, 'drawing', '.dwg');
    await upload(app, w.staff.designer, n, 'budget', '.xlsx');
    await step(app, w.staff.designer, n, 'submit');
    expect((await step(app, applicant, n, 'confirm')).currentStep).toBe('contract-draft');
    await step(app, w.staff.contract, n, 'submit', { contractNo: 'YJ-GS-2019-4', name: '供水工程合同', place: '巴中市', partyA: '珠江摩尔', partyB: '自来水有限公司', amount: 120000 });
    await step(app, w.staff.contract, n, 'counterparty-approved');
    for (let i = 1; i <= 7; i += 1) expect((await step(app, w.staff.contract, n, 'approve')).currentStep).toBe(i < 7 ? `contract-approval-${i + 1}` : 'contract-sign');
    await upload(app, w.staff.contract, n, 'signed-contract', '.pdf');
    expect((await step(app, w.staff.contract, n, 'upload-signed')).currentStep).toBe('payment');
    await step(app, w.staff.finance, n, 'record-paid', { amount: 120000, receiptNo: 'SK-001' });
    await step(app, w.staff.techhead, n, 'submit', { tasks: '接水', materials: 'PE管 50米', meterNumber: 'WM-0001', meterCaliber: 'DN50' });
    for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo']) await upload(app, w.staff.crew, n, kind);
    await step(app, w.staff.crew, n, 'finish');
    await upload(app, w.staff.acceptance, n, 'acceptance-form');
    await upload(app, w.staff.acceptance, n, 'site-photo');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '验收合格' });
    await upload(app, w.staff.acceptance, n, 'handover-form');
    await step(app, w.staff.acceptance, n, 'submit', { notes: '已移交' });
    expect((await step(app, w.staff.designer, n, 'skip')).currentStep).toBe('settlement');
    await upload(app, w.staff.finance, n, 'settlement', '.pdf');
    const done = await step(app, w.staff.finance, n, 'complete', { finalCost: 118000 });
    expect(done).toMatchObject({ currentStep: 'completed', outcome: 'completed' });

    o = await view(app, applicant, n);
    expect(o.history.length).toBeGreaterThan(20);
    const verify = await app.http().get(`/workflow/orders/${n}/verify`).set('Authorization', `Bearer ${w.admin.token}`);
    expect(verify.body.data).toMatchObject({ valid: true });
  });
});
