import type { TestApp } from './strapi';
import { step, upload, type World } from './workflow';

export const CONTRACT = {
  contractNo: 'YJ-GS-2019-4',
  name: '供水工程合同',
  place: '巴中市',
  partyA: '珠江摩尔',
  partyB: '自来水有限公司',
  amount: 120000,
};

/**
 * The water-enterprise main path as named stages; `advance(n, 'payment')` runs every stage before
 * payment, so a test can start where its branch begins.
 */
export const waterStages = (app: TestApp, w: World) => {
  const s = w.staff;
  const stages: Array<[string, (n: string) => Promise<unknown>]> = [
    ['review', (n) => step(app, s.clerk, n, 'approve')],
    ['dispatch', (n) => step(app, s.techhead, n, 'approve')],
    [
      'survey',
      async (n) => {
        await upload(app, s.surveyor, n, 'site-photo');
        await upload(app, s.surveyor, n, 'plan-sketch', '.png');
        return step(app, s.surveyor, n, 'complete');
      },
    ],
    [
      'design',
      async (n) => {
        await upload(app, s.designer, n, 'drawing', '.dwg');
        await upload(app, s.designer, n, 'budget', '.xlsx');
        return step(app, s.designer, n, 'submit');
      },
    ],
    ['budget-confirm', (n) => step(app, w.applicants.zhujiang, n, 'confirm')],
    ['contract-draft', (n) => step(app, s.contract, n, 'submit', CONTRACT)],
    [
      'contract-approvals',
      async (n) => {
        await step(app, s.contract, n, 'counterparty-approved');
        for (let i = 0; i < 7; i += 1) await step(app, s.contract, n, 'approve');
      },
    ],
    [
      'contract-sign',
      async (n) => {
        await upload(app, s.contract, n, 'signed-contract', '.pdf');
        return step(app, s.contract, n, 'upload-signed');
      },
    ],
    ['payment', (n) => step(app, s.finance, n, 'record-paid', { amount: 120000 })],
    [
      'dispatch-sheet',
      (n) =>
        step(app, s.techhead, n, 'submit', {
          tasks: '接水',
          materials: 'PE管 50米',
          meterNumber: 'WM-0001',
          meterCaliber: 'DN50',
        }),
    ],
    [
      'construction',
      async (n) => {
        for (const kind of ['construction-start-photo', 'construction-finish-photo', 'water-on-photo'])
          await upload(app, s.crew, n, kind);
        return step(app, s.crew, n, 'finish');
      },
    ],
    [
      'acceptance',
      async (n) => {
        await upload(app, s.acceptance, n, 'acceptance-form');
        await upload(app, s.acceptance, n, 'site-photo');
        return step(app, s.acceptance, n, 'submit', { notes: '验收合格' });
      },
    ],
    [
      'handover',
      async (n) => {
        await upload(app, s.acceptance, n, 'handover-form');
        return step(app, s.acceptance, n, 'submit', { notes: '已移交' });
      },
    ],
  ];
  return {
    async advance(n: string, until: string) {
      for (const [name, run] of stages) {
        if (name === until) return;
        await run(n);
      }
      throw new Error(`no stage ${until}`);
    },
  };
};
