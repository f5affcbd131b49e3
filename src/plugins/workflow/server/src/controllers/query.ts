import { badRequest, notFound } from '../errors';
import type { InboxQuery } from '../services/orders';
import type { AuditQuery } from '../services/audit';

const MAX_PAGE_SIZE = 100;

const positiveInt = (value: unknown, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const date = (v: unknown) => {
  const d = typeof v === 'string' && v ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

const steps = (v: unknown) => {
  const list = (Array.isArray(v) ? v : [v])
    .flatMap((s) => (typeof s === 'string' ? s.split(',') : []))
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
};

/** Inbox and list filters from a query string; unknown values are ignored rather than guessed. */
export const parseListQuery = (q: Record<string, unknown>, defaults: Partial<InboxQuery> = {}): InboxQuery => ({
  process: str(q.process),
  // Several steps at once: step=survey,design (or the parameter repeated).
  step: steps(q.step),
  category: str(q.category),
  channel: str(q.channel),
  assignee: q.assignee ? positiveInt(q.assignee, 0) || undefined : undefined,
  overdue: q.overdue === 'true' || q.overdue === '1',
  warning: [1, 2, 3].find((n) => String(n) === q.warning),
  from: date(q.from),
  to: date(q.to),
  q: str(q.q),
  mine: q.mine === 'true' || q.mine === '1',
  handled: q.handled === 'true' || q.handled === '1',
  urged: q.urged === 'true' || q.urged === '1',
  status: (['open', 'closed', 'all'] as const).find((s) => s === q.status) ?? defaults.status ?? 'open',
  sort: q.sort === 'elapsed' ? 'elapsed' : 'applied',
  page: positiveInt(q.page, 1),
  pageSize: Math.min(positiveInt(q.pageSize, 20), MAX_PAGE_SIZE),
});

/** The single uploaded file of a multipart request, whatever the field was called. */
/** The `:id` of a route: anything but a positive integer names nothing there (404, not a server error). */
export const idParam = (ctx: any, name = 'id') => {
  const id = Number(ctx.params[name]);
  if (!Number.isInteger(id) || id < 1) throw notFound();
  return id;
};

/** Paging of a simple list (messages, dead letters). */
export const parsePage = (q: Record<string, unknown>) => ({
  page: positiveInt(q.page, 1),
  pageSize: Math.min(positiveInt(q.pageSize, 20), MAX_PAGE_SIZE),
});

export const singleFile = (ctx: any) => {
  const files = ctx.request.files ?? {};
  const value = files.file ?? files.files ?? Object.values(files)[0];
  return Array.isArray(value) ? value[0] : value;
};

/** Sends a private file: as a download, never interpreted by the browser, never cached by proxies. */
export const sendFile = (ctx: any, file: { stream: NodeJS.ReadableStream; name: string; mime: string }) => {
  ctx.set('Content-Type', file.mime || 'application/octet-stream');
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = file.stream;
};

/** A JSON body that is an object with none but the named top-level fields; 400 naming the others. */
export const onlyFields = (body: unknown, allowed: string[], message: string): Record<string, any> => {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw badRequest(message, [{ path: [], message: '请求内容应为JSON对象' }]);
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length) {
    throw badRequest(
      message,
      unknown.map((k) => ({ path: [k], message: `不接受的字段：${k}（可提交：${allowed.join('、')}）` })),
    );
  }
  return body as Record<string, any>;
};

/** The audit trail's filters: kind, person (an admin's id), period, paging. */
export const parseAuditQuery = (q: Record<string, unknown>): AuditQuery => ({
  kind: str(q.kind),
  person: q.person ? positiveInt(q.person, 0) || undefined : undefined,
  from: date(q.from),
  to: date(q.to),
  ...parsePage(q),
});

/** Sends an Excel workbook as a download under its Chinese name. */
export const sendXlsx = (ctx: any, buffer: Buffer, name: string) => {
  ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  ctx.body = buffer;
};
