import type { OrderView } from '../../api/orders';
import { CHANNELS } from '../inbox/options';

export type PrintKind = 'dispatch-sheet' | 'budget-book' | 'receipt';

export const TITLES: Record<PrintKind, string> = {
  'dispatch-sheet': '派工单',
  'budget-book': '预算书',
  receipt: '受理回执',
};

/** Who signs or seals each print, at its foot. */
export const SIGNATURES: Record<PrintKind, string[]> = {
  'dispatch-sheet': ['派工人签字', '施工负责人签字', '领料人签字'],
  'budget-book': ['编制人签字', '审核人签字', '单位（盖章）'],
  receipt: ['受理人签字', '申请人签字', '受理单位（盖章）'],
};

type Rows = Array<[string, string]>;

const chinaTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

const dispatchRows = (order: OrderView, f: Record<string, string>): Rows => {
  const sheet = (order.history
    .flatMap((e) => (e.changes?.dispatchSheet ? [e.changes.dispatchSheet.after] : []))
    .pop() ?? {}) as Record<string, string>;
  return [
    ['报装编号', order.number],
    ['单位名称', f.unitName ?? f.name],
    ['联系人', f.contactName ?? f.name],
    ['联系电话', f.contactPhone],
    ['单位地址', f.unitAddress ?? f.address],
    ['用水地址', f.waterAddress],
    ['派工任务', sheet.tasks ?? ''],
    ['材料清单', sheet.materials ?? ''],
    ['水表编号', sheet.meterNumber ?? ''],
    ['水表口径', sheet.meterCaliber ?? ''],
  ];
};

const budgetRows = (order: OrderView, f: Record<string, string>): Rows => {
  const budgets = order.files.budget ?? [];
  return [
    ['报装编号', order.number],
    ['单位名称', f.unitName ?? f.name],
    ['报装类型', order.category ?? ''],
    ['建筑面积', String(f.buildingArea ?? '')],
    ['用水地址', f.waterAddress],
    ['预算文件', budgets.map((b) => `v${b.version} ${b.name}${b.current ? '（当前）' : ''}`).join('；')],
  ];
};

/** 受理回执: what the applicant takes home from the window: the number, the business, who took it and when. */
const receiptRows = (order: OrderView, f: Record<string, string>): Rows => {
  const submitted = order.history[0];
  return [
    ['工单编号', order.number],
    ['办理业务', order.processName],
    ['申请人', f.unitName ?? f.name ?? ''],
    ['联系电话', f.contactPhone ?? ''],
    ['地址', f.waterAddress ?? f.unitAddress ?? f.address ?? ''],
    ['受理渠道', CHANNELS.find((c) => c.value === order.channel)?.label ?? order.channel],
    ['受理时间', chinaTime(order.appliedAt)],
    ['受理人', submitted?.actor.name ?? ''],
    ['当前环节', order.stepLabel],
  ];
};

export const rowsOf = (kind: PrintKind, order: OrderView): Rows => {
  const f = order.formData as Record<string, string>;
  if (kind === 'dispatch-sheet') return dispatchRows(order, f);
  if (kind === 'budget-book') return budgetRows(order, f);
  return receiptRows(order, f);
};

/** The applicant's page of the order in the H5 client, which the receipt's QR code opens. */
export const h5OrderUrl = (number: string) =>
  `${window.location.origin}/app/#/pages/orders/detail?number=${encodeURIComponent(number)}`;
