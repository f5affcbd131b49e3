import { beforeAll, describe, expect, it } from 'vitest';
import { app, apply, call, useWorld, w } from './helpers/workflow';
import { useBrowser, shot, signIn } from './helpers/browser';

/** 业务规则: structured conditions with a JSON view, checked on save, tried on an order. */
useWorld({ listen: true });
const browser = useBrowser();

let order: string;
beforeAll(async () => {
  order = await apply(
    app,
    w.applicants['bazhong-steel'],
    'energy-service',
    {
      name: '黄厂长',
      contactPhone: '13712345678',
      address: '巴中经济开发区工业园5号',
      description: '工厂订单增加，需要提升供电能力到2000千伏安',
    },
    'mini-program',
  );
});

const rule = (name: string) => app.strapi.db.query('plugin::workflow.rule').findOne({ where: { name } });

describe('business rules over the API', () => {
  it('refuse a rule that cannot run, naming the field; only super administrators edit them', async () => {
    const existing = await rule('关键词：扩容');
    const bad = await call(app, w.admin, 'put', `/rules/${existing.id}`).send({
      ...existing,
      conditions: { all: [{ fact: 'description', operator: 'sounds-like', value: '扩容' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['conditions', 'all', '0', 'operator'], message: '未知的运算符：sounds-like' }),
    ]);
    expect((await call(app, w.staff['power-admin'], 'get', '/rules')).status).toBe(403);
    const preview = await call(app, w.admin, 'post', '/rules/preview').send({ number: order });
    expect(preview.status).toBe(200);
    expect(preview.body.data.facts).toMatchObject({
      description: '工厂订单增加，需要提升供电能力到2000千伏安',
      attachmentCount: 0,
    });
  });
});

describe('business rules in the panel', () => {
  it('an administrator adds a keyword, saves, and sees the rule fire on an order', async () => {
    const page = await signIn(browser(), app.url!, 'admin@demo.local');
    await page.getByTestId('rules').click();
    await page.locator('[data-testid="rule"]', { hasText: '关键词：扩容' }).click();

    await page.getByLabel('试运行的工单编号').fill(order);
    await page.getByTestId('try-rule').click();
    await expect(
      page.locator('[data-testid="preview"] [data-fired]', { hasText: '关键词：扩容' }).getAttribute('data-fired'),
    ).resolves.toBe('false');

    const value = page.getByTestId('condition').first().getByLabel('值');
    await value.fill(`${await value.inputValue()}，提升供电能力`);
    await page.getByTestId('save-rule').click();
    await expect.poll(() => page.getByTestId('rule-message').innerText()).toBe('规则已保存');
    expect((await rule('关键词：扩容')).conditions.all[0].value).toContain('提升供电能力');

    await page.getByTestId('try-rule').click();
    await expect
      .poll(() =>
        page.locator('[data-testid="preview"] [data-fired]', { hasText: '关键词：扩容' }).getAttribute('data-fired'),
      )
      .toBe('true');
    await expect(page.getByTestId('preview').innerText()).resolves.toContain('✔ 触发：关键词：扩容（扩容）');
    await shot(page, 'panel-rules');

    // The JSON view edits the same rule; a rule that cannot run is not saved.
    await page.getByLabel('条件JSON').fill('{"all":[{"fact":"description","operator":"sounds-like","value":"扩容"}]}');
    await page.getByTestId('save-rule').click();
    await expect.poll(() => page.getByTestId('rule-message').innerText()).toContain('未知的运算符：sounds-like');
    expect((await rule('关键词：扩容')).conditions.all[0].operator).toBe('containsAny');
    await page.context().close();
  });
});
