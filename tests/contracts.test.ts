import fs from 'node:fs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, download, enterpriseForm, step, useWorld, w } from './helpers/workflow';
import { waterStages } from './helpers/water-path';
import { contractTemplate, CONTRACT_TEMPLATE_LINES, SAMPLE_FILES, wordDocument } from '../database/seeds/sample-files';
import { useBrowser, shot, signIn } from './helpers/browser';

/** Contract templates (.docx with placeholders) filled with an order's data by docxtemplater. */
useWorld({ listen: true });
const browser = useBrowser();


const documentXml = (buffer: Buffer) => new PizZip(buffer).file('word/document.xml')!.asText();
const uploadTemplate = (who = w.admin, file = contractTemplate(), name = '供水工程合同模板') =>
  call(app, who, 'post', '/contract-templates').field('name', name).field('processKey', 'water-enterprise').attach('file', file, { filename: 'template.docx' });

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
    const [saved] = await Promise.all([page.waitForEvent('download'), page.locator('div', { has: row }).last().getByRole('button', { name: '下载' }).first().click()]);
    const xml = documentXml(fs.readFileSync(await saved.path()));
    for (const text of ['合同编号：YJ-GS-2019-4', `工单编号：${n}`, '甲方：珠江摩尔', '乙方：自来水有限公司', '工程地点：巴中市', '合同金额：120000元']) expect(xml).toContain(text);
    expect(xml).toMatch(/签订日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(xml).not.toMatch(/\{[^}]*\}/);

    // The draft is the order's contract; the applicant sees it once the internal approvals are done.
    const applicantView = async () => (await call(app, w.applicants.zhujiang, 'get', `/orders/${n}`)).body.data.files.contract;
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
