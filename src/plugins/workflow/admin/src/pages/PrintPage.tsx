import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { getOrder, type OrderView } from '../api/orders';
import { QrCode } from './print/QrCode';
import { SIGNATURES, TITLES, h5OrderUrl, rowsOf, type PrintKind } from './print/sheets';

// Printed, only the sheet shows: the panel's menus, headers and any banner are hidden.
const PRINT_CSS = `
@page { size: A4; margin: 18mm; }
.wf-sheet { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; color: #000; background: #fff;
  padding: 24px; max-width: 210mm; }
.wf-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 16px; }
.wf-sheet table { width: 100%; border-collapse: collapse; }
.wf-sheet th, .wf-sheet td { border: 1px solid #000; padding: 6px 8px; font-size: 13px; text-align: left;
  vertical-align: top; }
.wf-sheet th { width: 22%; background: #f2f2f2; }
.wf-signs { display: flex; justify-content: space-between; gap: 16px; margin-top: 28px; }
.wf-signs div { flex: 1; border-top: 1px solid #000; padding-top: 6px; font-size: 13px; min-height: 56px; }
.wf-qr { margin: 16px 0 0; text-align: center; font-size: 12px; }
@media print {
  body * { visibility: hidden; }
  .wf-sheet, .wf-sheet * { visibility: visible; }
  .wf-sheet { position: absolute; left: 0; top: 0; }
  .wf-noprint { display: none !important; }
}
`;

/** 派工单 / 预算书 / 受理回执, laid out for A4, with signature and seal areas at the foot. */
export const PrintPage = ({ kind }: { kind: PrintKind }) => {
  const { number = '' } = useParams();
  const [order, setOrder] = useState<OrderView | null>(null);
  useEffect(() => {
    getOrder(number)
      .then(setOrder)
      .catch(() => setOrder(null));
  }, [number]);
  if (!order) return null;
  return (
    <div className="wf-sheet" data-testid="print-sheet">
      <style>{PRINT_CSS}</style>
      <h1>{TITLES[kind]}</h1>
      <table>
        <tbody>
          {rowsOf(kind, order).map(([k, v]) => (
            <tr key={k}>
              <th>{k}</th>
              <td style={{ whiteSpace: 'pre-wrap' }}>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {kind === 'receipt' ? <QrCode text={h5OrderUrl(order.number)} label="微信扫码查看办理进度" /> : null}
      <div className="wf-signs" data-testid="print-signatures">
        {SIGNATURES[kind].map((s) => (
          <div key={s}>{s}：</div>
        ))}
      </div>
      <p className="wf-noprint">
        <button type="button" onClick={() => window.print()}>
          打印
        </button>
      </p>
    </div>
  );
};
