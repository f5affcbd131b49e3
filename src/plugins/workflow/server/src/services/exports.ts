import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import type { Actor } from './registry';
import type { InboxQuery } from './orders';
import type { MetricsQuery } from '../dashboard/metrics';
import type { AuditQuery } from './audit';
import { changesText } from '../audit-diff';
import { getService } from '../utils';

const MAX_ROWS = 5000;
const PAGE = 100;

/** The inbox columns the customer's staff know (seed 001), in the same order as on screen. */
const COLUMNS = [
  { header: '报装编号', key: 'number', width: 18 },
  { header: '单位名称', key: 'title', width: 28 },
  { header: '申请时间', key: 'appliedAt', width: 18 },
  { header: '报装类型', key: 'category', width: 16 },
  { header: '建筑面积', key: 'buildingArea', width: 12 },
  { header: '状态', key: 'stepLabel', width: 24 },
  { header: '历时', key: 'elapsed', width: 12 },
  { header: '超期', key: 'overdue', width: 8 },
  { header: '业务', key: 'processName', width: 14 },
];

// Made once: creating an Intl.DateTimeFormat costs more than formatting with it, and an export formats every row.
const LOCAL_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const localTime = (iso: string) => LOCAL_TIME.format(new Date(iso));

type Column = { header: string; key: string; width: number };

/** A workbook of one sheet with these columns, their headers in bold. */
const workbook = (title: string, columns: Column[]) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return { book, sheet };
};

/** Excel exports of what the caller may see, with the filters of the screen. */
const exportsService = (_deps: { strapi: Core.Strapi }) => ({
  async inbox(actor: Actor, query: InboxQuery): Promise<Buffer> {
    const { book, sheet } = workbook('工单', COLUMNS);
    for (let page = 1; page <= MAX_ROWS / PAGE; page += 1) {
      const { data, meta } = await getService('orders').list(actor, { ...query, page, pageSize: PAGE });
      for (const o of data) {
        const row = sheet.addRow({
          ...o,
          appliedAt: localTime(o.appliedAt),
          elapsed: o.elapsed.text,
          overdue: o.elapsed.overdue ? '是' : '',
        });
        if (o.elapsed.overdue) row.getCell('elapsed').font = { color: { argb: 'FFD02B20' } };
      }
      if (page >= meta.pagination.pageCount) break;
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  },

  /** The dashboard's staff performance table for the same filters. */
  async staffPerformance(actor: Actor, query: MetricsQuery): Promise<Buffer> {
    const { staff } = await getService('metrics').compute(actor, query);
    const { book, sheet } = workbook('人员绩效', [
      { header: '姓名', key: 'name', width: 12 },
      { header: '机构', key: 'organization', width: 20 },
      { header: '办理数', key: 'handled', width: 10 },
      { header: '平均处理时长(小时)', key: 'avgHandlingHours', width: 18 },
      { header: '按时率', key: 'onTimeRate', width: 10 },
      { header: '在办工单', key: 'openLoad', width: 10 },
      { header: '饱和度', key: 'saturation', width: 10 },
      { header: '满意度', key: 'satisfaction', width: 10 },
    ]);
    for (const s of staff) sheet.addRow(s);
    for (const key of ['onTimeRate', 'saturation']) sheet.getColumn(key).numFmt = '0.0%';
    return Buffer.from(await book.xlsx.writeBuffer());
  },

  /** The audit trail with the filters of its page, newest first, each entry's changes as lines. */
  async audit(actor: Actor, query: AuditQuery): Promise<Buffer> {
    const { book, sheet } = workbook('审计日志', [
      { header: '序号', key: 'seq', width: 8 },
      { header: '时间', key: 'at', width: 18 },
      { header: '操作人', key: 'person', width: 16 },
      { header: '类型', key: 'kind', width: 12 },
      { header: '操作', key: 'action', width: 8 },
      { header: '记录', key: 'record', width: 28 },
      { header: '变更内容', key: 'changes', width: 60 },
      { header: '哈希', key: 'hash', width: 20 },
    ]);
    for (let page = 1; page <= MAX_ROWS / PAGE; page += 1) {
      const { data, meta } = await getService('audit').list(actor, { ...query, page, pageSize: PAGE });
      for (const e of data) {
        const person = e.actor.kind === 'system' ? '系统' : e.actor.name || e.actor.email || '';
        const row = sheet.addRow({
          seq: e.seq,
          at: localTime(e.at),
          person,
          kind: e.kindLabel,
          action: e.actionLabel,
          record: e.record.label,
          changes: changesText(e.changes),
          hash: e.hash,
        });
        row.getCell('changes').alignment = { wrapText: true, vertical: 'top' };
      }
      if (page >= meta.pagination.pageCount) break;
    }
    return Buffer.from(await book.xlsx.writeBuffer());
  },
});

export default exportsService;
