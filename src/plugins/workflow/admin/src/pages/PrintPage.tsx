import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { getOrder, type OrderView } from '../api/orders';

const PRINT_CSS = `
@page { size: A4; margin: 18mm; }
.wf-sheet { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: #000; background: #fff; padding: 24px; max-width: 210mm; }
.wf-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 16px; }
.wf-sheet table { width: 100%; border-collapse: collapse; }
.wf-sheet th, .wf-sheet td { border: 1px solid #000; padding: 6px 8px; font-size: 13px; text-align: left; vertical-align: top; }
.wf-sheet th { width: 22%; background: #f2f2f2; }
@media print { nav, header, aside, .wf-noprint { display: none !important; } body { background: #fff; } }
`;

/** 派工单 / 预算书, laid out for A4: what the crew takes to the store and to the site. */
export const PrintPage = ({ kind }: { kind: 'dispatch-sheet' | 'budget-book' }) => {
  const { number = '' } = useParams();
  const [order, setOrder] = useState<OrderView | null>(null);
  useEffect(() => {
    getOrder(number)
      .then(setOrder)
      .catch(() => setOrder(null));
  }, [number]);
  if (!order) return null;
  const f = order.formData as Record<string, string>;
  const sheet = (order.history
    .flatMap((e) => (e.changes?.dispatchSheet ? [e.changes.dispatchSheet.after] : []))
    .pop() ?? {}) as Record<string, string>;
  const budgets = order.files.budget ?? [];
  const rows: Array<[string, string]> =
    kind === 'dispatch-sheet'
      ? [
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
        ]
      : [
          ['报装编号', order.number],
          ['单位名称', f.unitName ?? f.name],
          ['报装类型', order.category ?? ''],
          ['建筑面积', String(f.buildingArea ?? '')],
          ['用水地址', f.waterAddress],
          ['预算文件', budgets.map((b) => `v${b.version} ${b.name}${b.current ? '（当前）' : ''}`).join('；')],
          ['领导签字', ''],
          ['单位盖章', ''],
        ];
  return (
    <div className="wf-sheet" data-testid="print-sheet">
      <style>{PRINT_CSS}</style>
      <h1>{kind === 'dispatch-sheet' ? '派工单' : '预算书'}</h1>
      <table>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td style={{ whiteSpace: 'pre-wrap' }}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="wf-noprint">
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
      </p>
    </div>
  );
};
