import fs from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { app, apply, call, download, enterpriseForm, step, upload, useWorld, w } from './helpers/workflow';
import { CONTRACT, waterStages } from './helpers/water-path';
import { contractTemplate, CONTRACT_TEMPLATE_LINES, SAMPLE_FILES, wordDocument } from '../database/seeds/sample-files';
import { useBrowser, shot, signIn } from './helpers/browser';

/** Contract templates (.docx with placeholders) filled with an order's data by docxtemplater. */
useWorld({ listen: true });
const browser = useBrowser();

const documentXml = (buffer: Buffer) => new PizZip(buffer).file('word/document.xml')!.asText();
const uploadTemplate = (who = w.admin, file = contractTemplate(), name = '供水工程合同模板') =>
  call(app, who, 'post', '/contract-templates')
    .field('name', name)
    .field('processKey', 'water-enterprise')
    .attach('file', file, { filename: 'template.docx' });

describe('contract templates', () => {
  it('are uploaded by administrators only, as .docx with well-formed placeholders', async () => {
    expect((await uploadTemplate(w.staff.clerk)).status).toBe(403);
    const pdf = await uploadTemplate(w.admin, SAMPLE_FILES['.pdf'].content());
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.details.errors[0]).toMatchObject({ path: ['file'], message: '模板应为 Word 文档（.docx）' });
    const bad = await uploadTemplate(w.admin, wordDocument([...CONTRACT_TEMPLATE_LINES, '金额大写：{金额大写']));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].message).toContain('占位符括号不成对');
    const noTemplate = await call(app, w.staff.contract, 'post', '/orders/BZ0/contract-draft').send({});
    expect(noTemplate.status).toBe(404);
    const ok = await uploadTemplate();
    expect(ok.status).toBe(201);
    expect(ok.body.data.placeholders).toEqual(['合同编号', '工单编号', '甲方', '乙方', '地址', '金额', '日期']);
  });

  it('a staff member drafts an order\u2019s contract in the panel; it opens as a .docx with the order\u2019s values', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await waterStages(app, w).advance(n, 'contract-approvals');
    const page = await signIn(browser(), app.url!, 'contract@demo.local');
    await page.goto(`${app.url}/admin/plugins/workflow/${n}`);
    await page.getByTestId('generate-contract').click();
    await page.getByText('合同草稿已生成').waitFor();
    const row = page.locator('text=供水工程合同模板-' + n).first();
    await row.waitFor();
    await shot(page, 'panel-contract-draft');
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('div', { has: row }).last().getByRole('button', { name: '下载' }).first().click(),
    ]);
    const xml = documentXml(fs.readFileSync(await saved.path()));
    for (const text of [
      '合同编号：YJ-GS-2019-4',
      `工单编号：${n}`,
      '甲方：珠江摩尔',
      '乙方：自来水有限公司',
      '工程地点：巴中市',
      '合同金额：120000元',
    ])
      expect(xml).toContain(text);
    expect(xml).toMatch(/签订日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(xml).not.toMatch(/\{[^}]*\}/);

    // The draft is the order's contract; the applicant sees it once the internal approvals are done.
    const applicantView = async () =>
      (await call(app, w.applicants.zhujiang, 'get', `/orders/${n}`)).body.data.files.contract;
    expect(await applicantView()).toBeUndefined();
    const staffFiles = (await call(app, w.staff.contract, 'get', `/orders/${n}`)).body.data.files.contract;
    expect(staffFiles[0]).toMatchObject({ name: `供水工程合同模板-${n}.docx`, version: 1, current: true });
    expect((await call(app, w.applicants.zhujiang, 'get', `/orders/${n}/files/${staffFiles[0].id}`)).status).toBe(404);
    await step(app, w.staff.contract, n, 'counterparty-approved');
    for (let i = 0; i < 7; i += 1) await step(app, w.staff.contract, n, 'approve');
    const files = await applicantView();
    expect(files[0]).toMatchObject({ name: `供水工程合同模板-${n}.docx`, version: 1 });
    const res = await download(app, w.applicants.zhujiang, `/orders/${n}/files/${files[0].id}`);
    expect(documentXml(res.body)).toContain('甲方：珠江摩尔');
    await page.context().close();
  });
});

describe('the contract\u2019s outcome', () => {
  /** An order with its contract drafted and `approvals` internal approvals given. */
  const drafted = async (approvals = 0) => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await waterStages(app, w).advance(n, 'contract-draft');
    await step(app, w.staff.contract, n, 'submit', CONTRACT);
    for (let i = 0; i < approvals; i += 1) await step(app, w.staff.contract, n, 'approve');
    return n;
  };
  const contractOf = async (n: string) => {
    const order = await app.strapi.db.query('api::order.order').findOne({ where: { number: n }, select: ['id'] });
    return app.strapi.db
      .query('api::contract.contract')
      .findOne({ where: { order: { id: order.id } }, orderBy: { id: 'desc' } });
  };
  const lastEvent = async (n: string) => {
    const order = await app.strapi.db.query('api::order.order').findOne({ where: { number: n }, select: ['id'] });
    return app.strapi.db
      .query('plugin::workflow.history-event')
      .findOne({ where: { orderId: order.id }, orderBy: { seq: 'desc' } });
  };

  it('is not approved when the owner rejects, and terminated when the application ends there', async () => {
    const n = await drafted(2);
    expect((await contractOf(n)).outcome).toBeNull();
    expect(
      (await step(app, w.staff.contract, n, 'counterparty-rejected', { reason: '业主董事会未通过' })).currentStep,
    ).toBe('contract-not-approved');
    expect(await contractOf(n)).toMatchObject({ counterpartyOutcome: 'rejected', outcome: 'not-approved' });
    expect((await lastEvent(n)).changes.contractOutcome).toEqual({ before: null, after: 'not-approved' });
    await step(app, w.applicants.zhujiang, n, 'terminate', { reason: '项目取消' });
    expect((await contractOf(n)).outcome).toBe('terminated');
    expect((await lastEvent(n)).changes.contractOutcome).toEqual({ before: 'not-approved', after: 'terminated' });
    expect((await call(app, w.admin, 'get', `/orders/${n}/verify`)).body.data.valid).toBe(true);
  });

  it('is not approved when the owner rejects after every internal approval', async () => {
    const n = await drafted(7);
    expect((await step(app, w.staff.contract, n, 'counterparty-rejected', { reason: '不同意' })).currentStep).toBe(
      'contract-not-approved',
    );
    expect((await contractOf(n)).outcome).toBe('not-approved');
  });

  it('is not approved when an approver rejects; a redraft starts a new contract', async () => {
    const n = await drafted(3);
    expect((await step(app, w.staff.contract, n, 'reject', { reason: '金额有误' })).currentStep).toBe(
      'contract-not-approved',
    );
    const rejected = await contractOf(n);
    expect(rejected.outcome).toBe('not-approved');
    await step(app, w.staff.contract, n, 'redraft');
    await step(app, w.staff.contract, n, 'submit', { ...CONTRACT, contractNo: 'YJ-GS-2019-6' });
    expect(await contractOf(n)).toMatchObject({ contractNo: 'YJ-GS-2019-6', outcome: null });
    expect((await app.strapi.db.query('api::contract.contract').findOne({ where: { id: rejected.id } })).outcome).toBe(
      'not-approved',
    );
  });

  it('is approved when the signed contract is uploaded', async () => {
    const n = await drafted();
    await step(app, w.staff.contract, n, 'counterparty-approved');
    for (let i = 0; i < 7; i += 1) await step(app, w.staff.contract, n, 'approve');
    await upload(app, w.staff.contract, n, 'signed-contract', '.pdf');
    expect((await step(app, w.staff.contract, n, 'upload-signed')).currentStep).toBe('payment');
    expect((await contractOf(n)).outcome).toBe('approved');
  });
});
