import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { app, call, download, useWorld, w, type Caller } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 审计日志: every change to the administration, who made it, before and after, hash-chained. */
useWorld({ listen: true });
const browser = useBrowser();

const ORG = 'api::organization.organization';
const TABLE = 'workflow_audit_entries';
const db = () => app.strapi.db;
const org = (code: string) => db().query(ORG).findOne({ where: { code } });
const admin = (method: 'get' | 'put' | 'post' | 'delete', url: string) =>
  (app.http() as any)[method](url).set('Authorization', `Bearer ${w.admin.token}`);

/** The newest entries a caller sees, over the API. */
const entries = async (who: Caller, query = '') => {
  const res = await call(app, who, 'get', `/audit${query}`);
  expect(res.status).toBe(200);
  return res.body.data as any[];
};
/** The newest entry of a kind about one record, as the super administrator sees it. */
const newest = async (kind: string, recordId: number) =>
  (await entries(w.admin, `?kind=${kind}&pageSize=100`)).find((e) => e.record.id === recordId);
const change = (entry: any, field: string) => entry.changes.find((c: any) => c.field === field);

const SYSTEM_ADMIN = { kind: 'admin', name: '系统管理员', email: 'admin@demo.local' };

describe('what is recorded', () => {
  it('an organization renamed through the directory, with before, after and the administrator', async () => {
    const water = await org('WATER');
    const res = await call(app, w.admin, 'put' as any, `/directory/organizations/${water.id}`).send({
      name: '巴中市自来水有限公司',
      parent: null,
    });
    expect(res.status).toBe(200);
    const entry = await newest('organization', water.id);
    expect(entry).toMatchObject({
      action: 'update',
      actionLabel: '修改',
      kindLabel: '机构',
      organizationRef: water.id,
      actor: SYSTEM_ADMIN,
    });
    expect(entry.before.name).toBe(water.name);
    expect(entry.after.name).toBe('巴中市自来水有限公司');
    expect(change(entry, '名称')).toEqual({ field: '名称', before: water.name, after: '巴中市自来水有限公司' });
  });

  it('an organization edit through the content manager is refused, and nothing is recorded', async () => {
    const tech = await org('WATER-TECH');
    const before = (await entries(w.admin, '?kind=organization')).length;
    const res = await admin('put', `/content-manager/collection-types/${ORG}/${tech.documentId}`).send({
      name: '技术科',
    });
    expect(res.status).toBe(403);
    expect((await org('WATER-TECH')).name).toBe(tech.name);
    expect((await entries(w.admin, '?kind=organization')).length).toBe(before);
  });

  it('a staff profile change, under the organization the person belongs to', async () => {
    const surveyor = await db()
      .query('api::staff-profile.staff-profile')
      .findOne({ where: { name: '张勘察' }, populate: { organization: true } });
    expect(
      (await call(app, w.admin, 'put' as any, `/directory/staff/${surveyor.id}`).send({ capacity: 7 })).status,
    ).toBe(200);
    const entry = await newest('staff', surveyor.id);
    expect(entry).toMatchObject({ action: 'update', organizationRef: surveyor.organization.id, actor: SYSTEM_ADMIN });
    expect(change(entry, '可承载工单数')).toEqual({
      field: '可承载工单数',
      before: String(surveyor.capacity ?? 20),
      after: '7',
    });
  });

  it('a settings save, field by field', async () => {
    const current = (await call(app, w.admin, 'get', '/settings')).body.data;
    const res = await call(app, w.admin, 'put' as any, '/settings').send({
      ...current,
      sms: { ...current.sms, signName: '巴中水务' },
    });
    expect(res.status).toBe(200);
    const [entry] = await entries(w.admin, '?kind=settings');
    expect(entry).toMatchObject({ kindLabel: '业务设置', record: { label: '业务设置' }, actor: SYSTEM_ADMIN });
    expect(change(entry, '短信 · 短信签名')).toMatchObject({ after: '巴中水务' });
  });

  it('a rule edit', async () => {
    const [rule] = (await call(app, w.admin, 'get', '/rules')).body.data;
    const res = await call(app, w.admin, 'put' as any, `/rules/${rule.id}`).send({
      ...rule,
      priority: rule.priority === 50 ? 51 : 50,
    });
    expect(res.status).toBe(200);
    const entry = await newest('rule', rule.id);
    expect(entry).toMatchObject({
      action: 'update',
      kindLabel: '业务规则',
      record: { label: rule.name },
      actor: SYSTEM_ADMIN,
    });
    expect(change(entry, '优先级')).toEqual({
      field: '优先级',
      before: String(rule.priority),
      after: String(rule.priority === 50 ? 51 : 50),
    });
  });

  it('an admin role renamed and its permissions changed', async () => {
    const role = await db()
      .query('admin::role')
      .findOne({ where: { code: 'strapi-author' } });
    expect(
      (await admin('put', `/admin/roles/${role.id}`).send({ name: '作者（审计）', description: role.description }))
        .status,
    ).toBe(200);
    expect(await newest('admin-role', role.id)).toMatchObject({
      action: 'update',
      before: { name: role.name },
      after: { name: '作者（审计）' },
    });

    const permissions = (await admin('get', `/admin/roles/${role.id}/permissions`)).body.data.map(
      ({ action, subject, properties, conditions }: any) => ({ action, subject, properties, conditions }),
    );
    const res = await admin('put', `/admin/roles/${role.id}/permissions`).send({
      permissions: [...permissions, { action: 'admin::roles.read', subject: null, properties: {}, conditions: [] }],
    });
    expect(res.status).toBe(200);
    const [added] = await entries(w.admin, '?kind=admin-permission');
    expect(added).toMatchObject({
      action: 'create',
      record: { label: '作者（审计）：查看角色' },
      actor: SYSTEM_ADMIN,
    });
  });

  it('an admin account: its password changes are marked, never written', async () => {
    const user = await db()
      .query('admin::user')
      .findOne({ where: { email: 'finance@demo.local' } });
    expect(
      (await admin('put', `/admin/users/${user.id}`).send({ firstname: '勘察', password: 'Another-Pass-123' })).status,
    ).toBe(200);
    const entry = await newest('admin-user', user.id);
    expect(entry.after).toMatchObject({ firstname: '勘察', password: '（已隐藏，已更改）' });
    expect(JSON.stringify(entry)).not.toContain(user.password);
    const raw = await db().connection(TABLE).where({ seq: entry.seq }).first();
    expect(JSON.stringify([raw.before, raw.after])).not.toMatch(/\$2[aby]\$/);
  });

  it('a change in a transaction is written with it, and nothing of a change that was rolled back', async () => {
    const water = await org('WATER');
    const count = async () => Number((await db().connection(TABLE).count({ n: '*' }).first()).n);
    const before = await count();
    await db().transaction(async () => {
      await db()
        .query(ORG)
        .update({ where: { id: water.id }, data: { name: '巴中市自来水公司' } });
    });
    expect(await count()).toBe(before + 1);
    expect(await newest('organization', water.id)).toMatchObject({
      actor: { kind: 'system' },
      after: { name: '巴中市自来水公司' },
    });
    await expect(
      db().transaction(async () => {
        await db()
          .query(ORG)
          .update({ where: { id: water.id }, data: { name: '不会保存的名称' } });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count()).toBe(before + 1);
  });

  it('knowledge articles created, edited and deleted through the content manager, and changed in bulk', async () => {
    const CM = '/content-manager/collection-types/api::knowledge-article.knowledge-article';
    const created = await admin('post', CM).send({ title: '审计须知', body: '初稿', audience: 'staff', active: true });
    expect(created.status).toBe(201);
    const { id, documentId } = created.body.data;
    expect((await admin('put', `${CM}/${documentId}`).send({ title: '审计须知（修订）' })).status).toBe(200);
    expect((await admin('delete', `${CM}/${documentId}`)).status).toBe(200);
    const mine = (await entries(w.admin, '?kind=knowledge&pageSize=100')).filter((e) => e.record.id === id);
    expect(mine.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(mine[2]).toMatchObject({
      before: null,
      actor: SYSTEM_ADMIN,
      after: { title: '审计须知', audience: 'staff' },
    });
    expect(change(mine[2], '对象')).toMatchObject({ after: '员工' });
    expect(mine[1]).toMatchObject({ before: { title: '审计须知' }, after: { title: '审计须知（修订）' } });
    expect(mine[0]).toMatchObject({ before: { title: '审计须知（修订）' }, after: null, kindLabel: '知识库文章' });

    const KA = 'api::knowledge-article.knowledge-article';
    await db()
      .query(KA)
      .createMany({
        data: [
          { title: '批量一', active: true },
          { title: '批量二', active: true },
        ],
      });
    await db()
      .query(KA)
      .updateMany({ where: { title: { $startsWith: '批量' } }, data: { active: false } });
    await db()
      .query(KA)
      .deleteMany({ where: { title: { $startsWith: '批量' } } });
    const bulk = (await entries(w.admin, '?kind=knowledge&pageSize=100')).filter((e) =>
      e.record.label.startsWith('批量'),
    );
    expect(bulk.map((e) => `${e.action} ${e.record.label}`).sort()).toEqual(
      ['create 批量一', 'create 批量二', 'update 批量一', 'update 批量二', 'delete 批量一', 'delete 批量二'].sort(),
    );
    expect(bulk.find((e) => e.action === 'update')).toMatchObject({
      before: { active: true },
      after: { active: false },
    });
  });

  it('a process definition published', async () => {
    const [def] = (await call(app, w.admin, 'get', '/definitions')).body.data;
    const res = await call(app, w.admin, 'post', '/definitions').send({
      ...def.spec,
      name: `${def.spec.name}（审计）`,
    });
    expect(res.status).toBe(201);
    const [entry] = await entries(w.admin, '?kind=definition');
    expect(entry).toMatchObject({
      action: 'create',
      kindLabel: '流程定义',
      actor: SYSTEM_ADMIN,
      after: { key: def.key },
    });
    expect(entry.after.version).toBeGreaterThan(def.version);
  });

  it('changes made at the same time each take their own link', async () => {
    const staff = await db()
      .query('api::staff-profile.staff-profile')
      .findMany({ limit: 8, orderBy: { id: 'asc' } });
    const replies = await Promise.all(
      staff.map((s: any, i: number) =>
        call(app, w.admin, 'put' as any, `/directory/staff/${s.id}`).send({ capacity: 30 + i }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(staff.map(() => 200));
    const seqs = (await entries(w.admin, '?kind=staff&pageSize=8')).map((e) => e.seq);
    expect(new Set(seqs).size).toBe(8);
    expect((await call(app, w.admin, 'get', '/audit/verify')).body.data.valid).toBe(true);
  });

  it('is not written through the content API or the content manager', async () => {
    await expect(
      app.strapi.documents('plugin::workflow.audit-entry').create({ data: { seq: 999_999 } } as any),
    ).rejects.toThrow('审计日志只能由系统写入');
  });
});

describe('who sees what', () => {
  it('a department administrator sees their tree only; frontline staff are refused', async () => {
    const power = await org('POWER');
    const tree: number[] = await app.strapi.plugin('workflow').service('scope').treeIds(power.id);
    const chen = await db()
      .query('api::staff-profile.staff-profile')
      .findOne({ where: { name: '陈电力' } });
    expect(
      (await call(app, w.staff['power-admin'], 'put' as any, `/directory/staff/${chen.id}`).send({ capacity: 9 }))
        .status,
    ).toBe(200);
    const seen = await entries(w.staff['power-admin'], '?pageSize=100');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((e) => tree.includes(e.organizationRef))).toBe(true);
    expect(seen[0]).toMatchObject({
      kind: 'staff',
      record: { id: chen.id },
      actor: { kind: 'admin', email: 'power-admin@demo.local' },
    });
    // The super administrator's water rename is not theirs to see.
    expect(seen.some((e) => e.after?.name === '巴中市自来水有限公司')).toBe(false);
    // Filtered by person: their own changes only.
    const mine = await entries(w.admin, `?person=${seen[0].actor.id}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor.email === 'power-admin@demo.local')).toBe(true);

    const refused = await call(app, w.staff.surveyor, 'get', '/audit');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('没有权限执行此操作');
    expect((await call(app, w.staff.surveyor, 'get', '/audit/verify')).status).toBe(403);
  });

  it('filters by date', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await entries(w.admin, `?from=${tomorrow}`)).toEqual([]);
    expect((await entries(w.admin, `?to=${tomorrow}&kind=organization`)).length).toBeGreaterThan(0);
    const bad = await call(app, w.admin, 'get', '/audit?kind=planets');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].message).toContain('机构');
  });
});

describe('export and verification', () => {
  it('exports the filtered entries as an Excel file', async () => {
    const res = await download(app, w.admin, '/audit/export?kind=organization');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['时间', '操作人', '类型', '操作', '记录', '变更内容']),
    );
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((r: any) => r.slice(1));
    expect(
      rows.some((r: any[]) => r.includes('系统管理员') && r.includes('修改') && String(r[6]).includes('名称：')),
    ).toBe(true);
    expect(rows.every((r: any[]) => r[3] === '机构')).toBe(true);
  });

  it('answers valid, then names the entry whose content or actor was edited in the database', async () => {
    const ok = await call(app, w.admin, 'get', '/audit/verify');
    expect(ok.body.data).toMatchObject({ valid: true });
    expect(ok.body.data.entries).toBeGreaterThan(5);

    const water = await org('WATER');
    const target = await newest('organization', water.id);
    const raw = await db().connection(TABLE).where({ seq: target.seq }).first();
    await db()
      .connection(TABLE)
      .where({ seq: target.seq })
      .update({ after: JSON.stringify({ ...target.after, name: '伪造的名称' }) });
    const forged = (await call(app, w.admin, 'get', '/audit/verify')).body.data;
    expect(forged).toMatchObject({ valid: false, brokenAt: target.seq, reason: `第${target.seq}条记录的内容被修改` });
    expect(forged.entry.record.id).toBe(water.id);
    await db()
      .connection(TABLE)
      .where({ seq: target.seq })
      .update({ after: typeof raw.after === 'string' ? raw.after : JSON.stringify(raw.after) });
    expect((await call(app, w.admin, 'get', '/audit/verify')).body.data.valid).toBe(true);

    const [last] = await entries(w.admin);
    const lastRaw = await db().connection(TABLE).where({ seq: last.seq }).first();
    await db().connection(TABLE).where({ seq: last.seq }).update({ actor_name: '别人' });
    const actor = (await call(app, w.admin, 'get', '/audit/verify')).body.data;
    expect(actor).toMatchObject({ valid: false, brokenAt: last.seq });
    // A department administrator learns where, not what.
    const theirs = (await call(app, w.staff['power-admin'], 'get', '/audit/verify')).body.data;
    expect(theirs).toMatchObject({ valid: false, brokenAt: last.seq });
    expect(theirs.entry).toBeUndefined();
    await db().connection(TABLE).where({ seq: last.seq }).update({ actor_name: lastRaw.actor_name });
    expect((await call(app, w.admin, 'get', '/audit/verify')).body.data.valid).toBe(true);

    await db().connection(TABLE).where({ seq: last.seq }).delete();
    expect((await call(app, w.admin, 'get', '/audit/verify')).body.data).toMatchObject({
      valid: false,
      brokenAt: last.seq,
    });
  });
});

describe('the page', () => {
  it('lists, filters, verifies and exports in Chinese', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('audit').click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.locator('#audit-kind').selectOption('organization');
    const row = page
      .locator('[data-testid="audit-row"]')
      .filter({ hasText: '系统管理员' })
      .filter({ hasText: '自来水有限公司 → 巴中市自来水有限公司' })
      .first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('系统管理员');
    expect(text).toContain('机构');
    expect(text).toContain('修改');
    expect(text).toContain('名称');
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').innerText()).toMatch(/第\d+条/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(file.suggestedFilename()).toBe('审计日志.xlsx');
    await shot(page, 'panel-audit');
    const body = await page.getByTestId('audit-page').innerText();
    expect(body).not.toMatch(/\b(organization|update|create|delete|admin-user)\b/);
    await page.context().close();
  });
});
