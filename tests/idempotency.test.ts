import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, enterpriseForm, useWorld, w } from './helpers/workflow';
import { startSecondApp, type SecondApp } from './helpers/second-app';

/**
 * An Idempotency-Key makes one order, however many times and on however many instances it is sent at
 * once: the database's unique key on (applicant, key) decides, not a read before the write.
 */
useWorld({ listen: true });
let second: SecondApp;
beforeAll(async () => {
  second = await startSecondApp();
}, 120_000);
afterAll(async () => second?.stop());

const ORDER = 'api::order.order';
const submit = (base: string, key: string) =>
  supertest(base)
    .post('/api/workflow/orders')
    .set('Authorization', `Bearer ${w.applicants.zhujiang.token}`)
    .set('Idempotency-Key', key)
    .send({ processKey: 'water-enterprise', channel: 'official-account', formData: enterpriseForm() });

const sendAtOnce = async (key: string, bases: string[], n = 30) => {
  const replies = await Promise.all(Array.from({ length: n }, (_, i) => submit(bases[i % bases.length], key)));
  const orders = await app.strapi.db.query(ORDER).findMany({ where: { submissionKey: key }, select: ['number'] });
  return { replies, orders };
};

describe('a repeated submission', () => {
  it('30 at once with one key on one instance make one order; every answer names it', async () => {
    const { replies, orders } = await sendAtOnce('same-key-one', [app.url!]);
    expect(orders).toHaveLength(1);
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
    for (const r of replies.filter((x) => x.status !== 409)) expect(r.body.data.number).toBe(orders[0].number);
    for (const r of replies.filter((x) => x.status === 409)) expect(r.body.error.message).toContain('正在提交');
  });

  it('30 at once with one key across two instances make one order', async () => {
    const { replies, orders } = await sendAtOnce('same-key-two', [app.url!, second.url]);
    expect(orders).toHaveLength(1);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    expect(replies.every((r) => [200, 201, 409].includes(r.status))).toBe(true);
    const events = await app.strapi.db.query('plugin::workflow.history-event').count({
      where: {
        action: 'submit',
        orderId: (await app.strapi.db.query(ORDER).findOne({ where: { submissionKey: 'same-key-two' } })).id,
      },
    });
    expect(events).toBe(1);
  });

  it('the same key from another applicant is another order', async () => {
    const mine = await submit(app.url!, 'shared-key');
    const theirs = await supertest(app.url!)
      .post('/api/workflow/orders')
      .set('Authorization', `Bearer ${w.applicants['bazhong-steel'].token}`)
      .set('Idempotency-Key', 'shared-key')
      .send({ processKey: 'water-enterprise', channel: 'official-account', formData: enterpriseForm() });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(mine.body.data.number).not.toBe(theirs.body.data.number);
  });
});
