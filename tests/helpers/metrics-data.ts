import type { TestApp } from './strapi';
import { apply, call, step, upload, type World } from './workflow';

/**
 * A fixed data set for the dashboard, played through the engine with its clock so that every time is
 * known: water-resident orders A (completed), B (rejected), C (late in review, urged once), D (from the
 * previous period, late in survey) and one energy order E (an exception, rated 4). The figures it implies are
 * worked out by hand in tests/metrics.test.ts.
 */
export const PERIOD = { from: '2026-10-05T00:00:00+08:00', to: '2026-10-19T00:00:00+08:00' };
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const resident = {
  name: '张三',
  contactPhone: '13612345678',
  address: '巴中市回风路8号',
  waterAddress: '巴中市回风路8号3单元',
};

export const buildMetricsData = async (app: TestApp, w: World) => {
  const clock = app.strapi.plugin('workflow').service('clock');
  const scan = () => app.strapi.plugin('workflow').service('escalation').scan();
  const at = (local: string) => clock.set(`2026-${local}:00+08:00`);
  const s = w.staff;
  const zhangsan = w.applicants.zhangsan;
  const steel = w.applicants['bazhong-steel'];

  at('09-28T10:00');
  const D = await apply(app, zhangsan, 'water-resident', resident);
  at('09-28T14:00');
  await step(app, s.clerk, D, 'approve');

  at('10-06T09:00');
  const A = await apply(app, zhangsan, 'water-resident', resident);
  at('10-06T11:00');
  await step(app, s.clerk, A, 'approve');
  at('10-07T09:00');
  const B = await apply(app, zhangsan, 'water-resident', resident, 'mini-program');
  at('10-08T09:00');
  await upload(app, s.surveyor, A, 'site-photo');
  await upload(app, s.surveyor, A, 'plan-sketch');
  await step(app, s.surveyor, A, 'complete');
  at('10-08T12:00');
  await step(app, s.finance, A, 'record-paid', { amount: 1200, receiptNo: 'SJ-1' });
  at('10-08T15:00');
  await step(app, s.clerk, B, 'reject', { reason: '用水地址不在供水范围内' });
  at('10-10T12:00');
  for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'])
    await upload(app, s.crew, A, kind);
  await step(app, s.crew, A, 'finish');
  at('10-10T14:00');
  await upload(app, s.acceptance, A, 'acceptance-form');
  await upload(app, s.acceptance, A, 'site-photo');
  await step(app, s.acceptance, A, 'submit', { notes: '验收合格' });
  at('10-10T16:00');
  await upload(app, s.acceptance, A, 'handover-form');
  await step(app, s.acceptance, A, 'submit', { notes: '已移交' });

  at('10-12T10:00');
  const C = await apply(app, zhangsan, 'water-resident', resident);
  at('10-13T04:00');
  await scan();
  at('10-13T06:00');
  await scan();
  at('10-13T08:00');
  // 22 hours into C's review: its applicant urges.
  const urged = await call(app, zhangsan, 'post', `/orders/${C}/urge`);
  if (urged.status !== 200) throw new Error(`urge ${C}: ${urged.status} ${JSON.stringify(urged.body)}`);

  at('10-13T09:00');
  const E = await apply(
    app,
    steel,
    'energy-service',
    {
      name: '黄厂长',
      contactPhone: '13712345678',
      address: '巴中经济开发区工业园5号',
      description: '新建厂房需要电力接入，预计负荷800千瓦',
      category: '电力接入',
    },
    'mini-program',
  );
  at('10-13T10:00');
  await upload(app, s['power-planner'], E, 'plan', '.pdf');
  await step(app, s['power-planner'], E, 'submit-plan');
  at('10-13T12:00');
  await step(app, steel, E, 'confirm', { signature: SIGNATURE });
  at('10-14T09:00');
  await upload(app, s['power-planner'], E, 'site-photo');
  await upload(app, s['power-planner'], E, 'voice-note', '.mp3');
  await step(app, s['power-planner'], E, 'complete', { latitude: 31.85, longitude: 106.74 });
  at('10-14T10:00');
  await upload(app, s['power-admin'], E, 'contract', '.pdf');
  await step(app, s['power-admin'], E, 'submit');
  at('10-14T11:00');
  await step(app, s['power-crew'], E, 'report-exception', { text: '暴雨导致基坑积水' });
  at('10-14T12:00');
  await scan();
  at('10-15T09:00');
  await step(app, s['power-crew'], E, 'finish');
  at('10-15T10:00');
  await upload(app, s['power-admin'], E, 'acceptance-form', '.pdf');
  await step(app, s['power-admin'], E, 'submit', { notes: '验收合格' });
  at('10-15T12:00');
  await step(app, steel, E, 'rate', { score: 4, comment: '服务周到' });

  // Three SMS sent during the period.
  for (const day of ['10-09', '10-10', '10-11']) {
    await app.strapi.db.query('plugin::workflow.outbox-message').create({
      data: {
        orderId: 1,
        audience: 'applicant',
        channel: 'sms',
        template: 'bulk',
        status: 'sent',
        attempts: 1,
        sentAt: new Date(`2026-${day}T10:00:00+08:00`),
        sentMonth: '2026-10',
      },
    });
  }
  at('10-19T00:00');
  return { A, B, C, D, E };
};
