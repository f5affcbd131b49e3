import type { Core } from '@strapi/strapi';
import { badRequest } from '../errors';
import { getService } from '../utils';
import type { MetricsQuery } from '../dashboard/metrics';
import { chinaDay, dayStart } from '../engine/calendar';
import { sendXlsx } from './query';

const DAY = 86_400_000;

/**
 * 看板 filters from a query string: a period, organization, process, category, person. The default
 * period is the one the dashboard page opens with: from the start of the China-time day 30 days ago
 * to now. Whole days are read from the daily sums; only the current day comes from the events.
 */
const parseMetricsQuery = (q: Record<string, unknown>, now: Date): MetricsQuery => {
  const date = (v: unknown, name: string) => {
    if (v === undefined || v === '') return undefined;
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime()))
      throw badRequest('筛选条件有误', [{ path: [name], message: '应为日期，如 2026-11-01' }]);
    return d;
  };
  const to = date(q.to, 'to') ?? now;
  const from = date(q.from, 'from') ?? dayStart(chinaDay(to.getTime() - 30 * DAY));
  if (from >= to) throw badRequest('筛选条件有误', [{ path: ['from'], message: '开始日期应早于结束日期' }]);
  const id = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    from,
    to,
    organization: id(q.organization),
    process: str(q.process),
    category: str(q.category),
    person: id(q.person),
  };
};

/** Staff (admin JWT): the dashboard's figures and the staff table as Excel, within the caller's scope. */
const metrics = (_deps: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').staff(ctx.state.user);
  return {
    async dashboard(ctx) {
      ctx.body = {
        data: await getService('metrics').compute(
          await actor(ctx),
          parseMetricsQuery(ctx.query, getService('clock').now()),
        ),
      };
    },
    async exportStaff(ctx) {
      const buffer = await getService('exports').staffPerformance(
        await actor(ctx),
        parseMetricsQuery(ctx.query, getService('clock').now()),
      );
      sendXlsx(ctx, buffer, '人员绩效.xlsx');
    },
  };
};

export default metrics;
