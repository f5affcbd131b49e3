import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { app, apply, call, enterpriseForm, step, upload, useWorld, view, w } from './helpers/workflow';
import { isMysql } from './helpers/database';

useWorld();

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('inbox tabs and export', () => {
  it('counts my work, everything I may see, and the overdue', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '计数单位' }));
    const row = await app.strapi.db.query('api::order.order').findOne({ where: { number: n } });
    await app.strapi.db
      .query('api::order.order')
      .update({ where: { id: row.id }, data: { stepEnteredAt: new Date(Date.now() - 30 * 3_600_000) } });
    const clerk = (await call(app, w.staff.clerk, 'get', '/orders/counts')).body.data;
    const reviewing = await app.strapi.db
      .query('api::order.order')
      .count({ where: { currentStep: 'review', outcome: { $null: true } } });
    expect(clerk.mine).toBe(reviewing);
    expect(clerk.overdue).toBeGreaterThanOrEqual(1);
    const admin = (await call(app, w.staff.deptadmin, 'get', '/orders/counts')).body.data;
    expect(admin.all).toBeGreaterThan(clerk.all);
    expect(admin.mine).toBe(0);
    const mine = await call(app, w.staff.clerk, 'get', '/orders?mine=true&pageSize=100');
    expect(mine.body.data.every((o: any) => o.currentStep === 'review')).toBe(true);
    expect(mine.body.data.find((o: any) => o.number === n)).toMatchObject({
      buildingArea: 222,
      elapsed: { overdue: true },
    });
  });

  it('shows each row\u2019s organization and assignee by name, and none for an order not assigned yet', async () => {
    const assigned = await apply(
      app,
      w.applicants.zhujiang,
      'water-enterprise',
      enterpriseForm({ unitName: '名称单位甲' }),
    );
    const waiting = await apply(
      app,
      w.applicants.zhujiang,
      'water-enterprise',
      enterpriseForm({ unitName: '名称单位乙' }),
    );
    await step(app, w.staff.clerk, assigned, 'approve');
    await step(app, w.staff.techhead, assigned, 'approve');
    const list = (await call(app, w.staff.deptadmin, 'get', `/orders?q=${encodeURIComponent('名称单位')}&pageSize=100`))
      .body.data;
    const order = await app.strapi.db.query('api::order.order').findOne({
      where: { number: assigned },
      populate: { organization: { select: ['id', 'name'] }, assignee: { select: ['id', 'name'] } },
    });
    expect(order.assignee?.name).toBeTruthy();
    expect(list.find((o: any) => o.number === assigned)).toMatchObject({
      organization: { id: order.organization.id, name: order.organization.name },
      assignee: { id: order.assignee.id, name: order.assignee.name },
    });
    expect(list.find((o: any) => o.number === waiting)).toMatchObject({
      organization: { id: order.organization.id, name: order.organization.name },
      assignee: null,
    });
  });

  it('exports the filtered list to Excel with the screen\u2019s columns, only what the caller may see', async () => {
    await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '导出单位甲' }));
    const res = await call(app, w.staff.deptadmin, 'get', `/orders/export?q=${encodeURIComponent('导出单位')}`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '报装编号',
      '单位名称',
      '申请时间',
      '报装类型',
      '建筑面积',
      '状态',
      '历时',
      '超期',
      '业务',
    ]);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('导出单位甲');
    const outsider = await call(
      app,
      w.staff['power-admin'],
      'get',
      `/orders/export?q=${encodeURIComponent('导出单位')}`,
    )
      .buffer(true)
      .parse(binary);
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(outsider.body);
    expect(other.worksheets[0].rowCount).toBe(1);
  });
});

describe('large lists', () => {
  it('filter several steps at once, and count their matches only a few pages ahead', async () => {
    const made: string[] = [];
    for (let i = 0; i < 4; i += 1)
      made.push(
        await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: `大列表单位${i}` })),
      );
    await step(app, w.staff.clerk, made[0], 'approve');
    const inSteps = await call(app, w.admin, 'get', '/orders?step=review,dispatch&pageSize=100');
    expect(inSteps.status).toBe(200);
    expect(new Set(inSteps.body.data.map((o: any) => o.currentStep))).toEqual(new Set(['review', 'dispatch']));
    expect(inSteps.body.data.map((o: any) => o.number)).toEqual(expect.arrayContaining(made));
    const exact = inSteps.body.meta.pagination;
    expect(exact.totalAtLeast).toBeUndefined();
    expect(exact.total).toBe(inSteps.body.data.length);

    const config = app.strapi.config.get('plugin::workflow') as any;
    const saved = config.listCount;
    config.listCount = { cap: 2, pagesAhead: 1 };
    try {
      // Page 1 of 1 row, counted to 2 rows: there are more, and one more page is offered.
      const capped = (await call(app, w.admin, 'get', '/orders?step=review,dispatch&pageSize=1')).body.meta.pagination;
      expect(capped).toMatchObject({ total: 2, pageCount: 3, totalAtLeast: true });
      // Further on, the count reaches further.
      const later = (await call(app, w.admin, 'get', `/orders?step=review,dispatch&pageSize=1&page=${exact.total}`))
        .body.meta.pagination;
      expect(later).toMatchObject({ total: exact.total, pageCount: exact.total });
      expect(later.totalAtLeast).toBeUndefined();
    } finally {
      config.listCount = saved;
    }
  });
});

describe('a department administrator\u2019s inbox', () => {
  const staffId = async (name: string) =>
    (await app.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { name }, select: ['id'] }))
      .id as number;
  const orgId = async (code: string) =>
    (await app.strapi.db.query('api::organization.organization').findOne({ where: { code }, select: ['id'] }))
      .id as number;
  /** Puts an order where the case needs it: the row's step and the ids the inbox reads. */
  const place = async (unitName: string, currentStep: string, organization: string, assignee: string | null) => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName }));
    await app.strapi.db
      .connection('orders')
      .where('number', n)
      .update({
        current_step: currentStep,
        state_value: JSON.stringify({ value: currentStep }),
        organization_ref: await orgId(organization),
        assignee_ref: assignee ? await staffId(assignee) : null,
      });
    return n;
  };

  it('of a department below the company sees their tree, and above it only the unclaimed orders waiting for their job roles', async () => {
    const profiles = app.strapi.db.query('api::staff-profile.staff-profile');
    const before = (await profiles.findOne({ where: { name: '李技术' } })).jobRoles;
    await profiles.update({
      where: { name: '李技术' },
      data: { jobRoles: ['technical-head', 'department-admin', 'finance'] },
    });
    try {
      const inTree = await place('范围单位甲', 'survey', 'WATER-TECH', '张勘察');
      const waitingAbove = await place('范围单位乙', 'payment', 'WATER', null);
      const otherRoleAbove = await place('范围单位丙', 'construction', 'WATER', null);
      const claimedAbove = await place('范围单位丁', 'payment', 'WATER', '孙财务');
      const otherCompany = await place('范围单位戊', 'payment', 'POWER', null);
      const inbox = await call(
        app,
        w.staff.techhead,
        'get',
        `/orders?q=${encodeURIComponent('范围单位')}&pageSize=100`,
      );
      expect(inbox.status).toBe(200);
      expect(inbox.body.data.map((o: any) => o.number).sort()).toEqual([inTree, waitingAbove].sort());
      expect(inbox.body.meta.pagination.total).toBe(2);
      for (const n of [otherRoleAbove, claimedAbove, otherCompany])
        expect((await call(app, w.staff.techhead, 'get', `/orders?q=${n}`)).body.data).toEqual([]);
      // The company's administrator sees all four of the company's; the power company's administrator none.
      const company = await call(
        app,
        w.staff.deptadmin,
        'get',
        `/orders?q=${encodeURIComponent('范围单位')}&pageSize=100`,
      );
      expect(company.body.data.map((o: any) => o.number).sort()).toEqual(
        [inTree, waitingAbove, otherRoleAbove, claimedAbove].sort(),
      );
    } finally {
      await profiles.update({ where: { name: '李技术' }, data: { jobRoles: before } });
    }
  });

  it('at the top of a company is scoped by the columns of orders_inbox_idx alone, so the database decides each order from the index', async () => {
    const user = await app.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'deptadmin@demo.local' }, populate: ['roles'] });
    const actor = await app.strapi.plugin('workflow').service('actors').staff(user);
    const where = await app.strapi.plugin('workflow').service('scope').where(actor);
    const sql = app.strapi.db
      .queryBuilder('api::order.order')
      .select('id')
      .where({ $and: [where, { currentStep: { $in: ['survey', 'design'] } }, { outcome: { $null: true } }] })
      .orderBy([{ stepEnteredAt: 'asc' }, { id: 'asc' }])
      .limit(1001)
      .getKnexQuery()
      .toString();
    const knex = app.strapi.db.connection;
    if (isMysql()) {
      const [plan] = await knex.raw(
        `EXPLAIN ${sql.replace('`orders` as `t0`', '`orders` as `t0` FORCE INDEX (`orders_inbox_idx`)')}`,
      );
      expect(plan[0].key).toBe('orders_inbox_idx');
      expect(plan[0].Extra).toMatch(/Using index(?! condition)/);
    } else {
      const plan = await knex.raw(
        `EXPLAIN QUERY PLAN ${sql.replace('`orders` as `t0`', '`orders` as `t0` INDEXED BY `orders_inbox_idx`')}`,
      );
      expect(plan.map((p: any) => p.detail).join(' ')).toMatch(/COVERING INDEX orders_inbox_idx/);
    }
  });
});

describe('窗口受理', () => {
  it('links the application to the applicant found or created by mobile number', async () => {
    const res = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-resident',
      applicantMobile: '13612345678',
      formData: { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' },
    });
    expect(res.status).toBe(201);
    const row = await app.strapi.db
      .query('api::order.order')
      .findOne({ where: { number: res.body.data.number }, populate: ['applicant'] });
    expect(row.applicant.username).toBe('zhangsan');
    const walkIn = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-resident',
      applicantMobile: '13699990000',
      applicantName: '赵六',
      formData: { name: '赵六', contactPhone: '13699990000', address: '回风路10号', waterAddress: '回风路10号2单元' },
    });
    expect(walkIn.status).toBe(201);
    const created = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { mobile: '13699990000' } });
    expect(created).toMatchObject({ realName: '赵六', confirmed: true });
    const bad = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-resident',
      applicantMobile: '123',
      formData: {},
    });
    expect(bad.status).toBe(400);
  });
});

describe('the answer to an application', () => {
  it('is the order as its page then shows it: every process, from applicants and at the window', async () => {
    // The answer is built from what the submission wrote, not read back (orders.view's `submitted`).
    const clock = app.strapi.plugin('workflow').service('clock');
    clock.set(new Date());
    try {
      const applications: Array<[string, string, Record<string, unknown>]> = [
        ['zhujiang', 'water-enterprise', enterpriseForm({ unitName: '答复单位' })],
        [
          'zhangsan',
          'water-resident',
          { name: '张三', contactPhone: '13612345678', address: '回风路8号', waterAddress: '回风路8号3单元' },
        ],
        [
          'zhujiang',
          'energy-service',
          {
            name: '黄厂长',
            contactPhone: '13712345678',
            address: '巴中经济开发区工业园5号',
            description: '新建厂房需要电力接入，负荷800千瓦',
            category: '电力接入',
          },
        ],
      ];
      for (const [who, processKey, formData] of applications) {
        const applicant = w.applicants[who];
        const answer = await call(app, applicant, 'post', '/orders').send({ processKey, formData });
        expect(answer.status).toBe(201);
        expect(answer.body.data.history).toHaveLength(1);
        const page = await call(app, applicant, 'get', `/orders/${answer.body.data.number}`);
        expect(answer.body.data).toEqual(page.body.data);
      }
      const walkIn = await call(app, w.staff.clerk, 'post', '/orders').send({
        processKey: 'water-resident',
        applicantMobile: '13612345678',
        formData: applications[1][2],
      });
      expect(walkIn.status).toBe(201);
      const orders = app.strapi.plugin('workflow').service('orders');
      const system = app.strapi.plugin('workflow').service('actors').system();
      expect(walkIn.body.data).toEqual(JSON.parse(JSON.stringify(await orders.view(system, walkIn.body.data.number))));
    } finally {
      clock.set(null);
    }
  });

  it('is the order as of its commit, however late it is built; without what was written, it is read whole', async () => {
    const workflow = app.strapi.plugin('workflow');
    const zhangsan = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { username: 'zhangsan' } });
    const applicant = workflow.service('actors').applicant(zhangsan);
    const formData = {
      name: '张三',
      contactPhone: '13612345678',
      address: '回风路8号',
      waterAddress: '回风路8号3单元',
    };
    const orders = workflow.service('orders');
    // Every view at the same instant, so that their elapsed times agree.
    workflow.service('clock').set(new Date());
    try {
      const started = await workflow
        .service('transitions')
        .start({ processKey: 'water-resident', formData, actor: applicant });
      expect(started.submitted?.order).toBeDefined();
      const atCommit = await orders.view(applicant, started.number);
      await upload(app, w.staff.clerk, started.number, 'other');
      await step(app, w.staff.clerk, started.number, 'approve');
      const answer = await orders.view(applicant, started.number, started.submitted);
      expect(answer.history.map((e: any) => e.action)).toEqual(['submit']);
      // As the client gets them: the databases give times as strings or dates.
      const asJson = (view: unknown) => JSON.parse(JSON.stringify(view));
      expect(asJson(answer)).toEqual(asJson(atCommit));
      // Only the id and the event: the order is read, and with an event since, its history too.
      const { order: _written, ...idAndEvent } = started.submitted!;
      const read = await orders.view(applicant, started.number, idAndEvent);
      expect(read.history.map((e: any) => e.action)).toEqual(['submit', 'approve']);
      expect(read.files.other).toHaveLength(1);
      expect(read).toEqual(await orders.view(applicant, started.number));
    } finally {
      workflow.service('clock').set(null);
    }
  });
});

describe('choosing people', () => {
  it('offers the staff who may take the next step, within the order\u2019s company', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm());
    await step(app, w.staff.clerk, n, 'approve');
    const res = await call(app, w.staff.techhead, 'get', `/orders/${n}/assignees?role=surveyor`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: any) => s.name)).toEqual(['张勘察']);
    expect((await call(app, w.staff['power-admin'], 'get', `/orders/${n}/assignees?role=surveyor`)).status).toBe(404);
  });

  it('lists colleagues of the caller\u2019s company for the assignee filter', async () => {
    const names = (await call(app, w.staff.deptadmin, 'get', '/staff')).body.data.map((s: any) => s.name);
    expect(names).toContain('张勘察');
    expect(names).not.toContain('陈电力');
  });
});

describe('已办', () => {
  const handledList = async (who: any) =>
    (await call(app, who, 'get', '/orders?handled=true&status=all&pageSize=100')).body.data as any[];

  it('keeps every order the caller acted on in sight, read-only, with its step and holder now', async () => {
    const n = await apply(app, w.applicants.zhujiang, 'water-enterprise', enterpriseForm({ unitName: '已办单位' }));
    const before = (await call(app, w.staff.clerk, 'get', '/orders/counts')).body.data;
    expect((await handledList(w.staff.clerk)).some((o) => o.number === n)).toBe(false);

    const moved = await step(app, w.staff.clerk, n, 'approve');
    const seen = await view(app, w.staff.clerk, n);
    expect(seen).toMatchObject({ currentStep: moved.currentStep, actions: [] });
    const row = (await handledList(w.staff.clerk)).find((o) => o.number === n);
    expect(row).toMatchObject({ stepLabel: moved.stepLabel, actions: [] });
    const after = (await call(app, w.staff.clerk, 'get', '/orders/counts')).body.data;
    expect(after.handled).toBe(before.handled + 1);
    expect(after.mine).toBe(before.mine - 1);
    const mine = await call(app, w.staff.clerk, 'get', '/orders?mine=true&pageSize=100');
    expect(mine.body.data.some((o: any) => o.number === n)).toBe(false);

    // Every order on the list has the caller's name in its history; a colleague who did not act sees none of it.
    const clerkId = (await app.strapi.db.query('admin::user').findOne({ where: { email: 'clerk@demo.local' } })).id;
    for (const o of await handledList(w.staff.clerk)) {
      const order = await app.strapi.db.query('api::order.order').findOne({ where: { number: o.number } });
      const events = await app.strapi.db
        .query('plugin::workflow.history-event')
        .count({ where: { orderId: order.id, actorKind: 'staff', actorId: clerkId } });
      expect(events).toBeGreaterThan(0);
    }
    expect((await handledList(w.staff.designer)).some((o) => o.number === n)).toBe(false);
    expect(await handledList(w.applicants.zhujiang)).toEqual([]);
  });

  it('holds an application entered at the window, which the clerk then opens', async () => {
    const res = await call(app, w.staff.clerk, 'post', '/orders').send({
      processKey: 'water-resident',
      applicantMobile: '13612345678',
      formData: { name: '张三', contactPhone: '13612345678', address: '回风路9号', waterAddress: '回风路9号1单元' },
    });
    expect(res.status).toBe(201);
    const number = res.body.data.number;
    expect((await view(app, w.staff.clerk, number)).number).toBe(number);
    expect((await handledList(w.staff.clerk)).some((o) => o.number === number)).toBe(true);
  });
});
