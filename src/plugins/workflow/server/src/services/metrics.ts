import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { stepMeta } from '../engine/spec';
import type { Actor } from './registry';
import type { WorkflowConfig } from '../config';
import { getService } from '../utils';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

export interface MetricsQuery {
  from: Date;
  to: Date;
  organization?: number;
  process?: string;
  category?: string;
  /** A staff profile: the orders they acted on or hold, and their own actions. */
  person?: number;
}

interface Visit {
  orderId: number;
  processKey: string;
  definitionVersion: number;
  step: string;
  start: Date;
  end: Date;
  /** The admin user who ended the visit, when staff did. */
  endedBy: number | null;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (n: number | null, digits = 2) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);
const within = (at: Date | string | null | undefined, q: MetricsQuery) => !!at && new Date(at) >= q.from && new Date(at) < q.to;
/** Monday of the China-time week of an instant, as yyyy-MM-dd. */
const weekOf = (at: Date) => {
  const local = new Date(at.getTime() + CHINA);
  const monday = new Date(local.getTime() - ((local.getUTCDay() + 6) % 7) * DAY);
  return monday.toISOString().slice(0, 10);
};

/**
 * The dashboard's figures, all from here: what happened to the orders the viewer may see, in a period,
 * narrowed by organization, process, category and person. Step visits are read from the history
 * (an event entering a step to the event leaving it), so every figure agrees with the order pages.
 */
const metrics = ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (actor: Actor, q: MetricsQuery) => {
    const where: any[] = [await getService('scope').where(actor), { createdAt: { $lt: q.to } }, { $or: [{ closedAt: { $null: true } }, { closedAt: { $gte: new Date(q.from.getTime() - 0) } }] }];
    if (q.organization) where.push({ organizationRef: { $in: await getService('scope').treeIds(q.organization) } });
    if (q.process) where.push({ processKey: q.process });
    if (q.category) where.push({ category: q.category });
    let orders = await strapi.db.query(UIDS.order).findMany({
      where: { $and: where },
      select: ['id', 'number', 'processKey', 'definitionVersion', 'category', 'channel', 'createdAt', 'closedAt', 'outcome', 'currentStep', 'stepEnteredAt', 'warningLevel'],
      populate: { assignee: { select: ['id'] } },
    });
    const ids = orders.map((o: any) => o.id);
    const events = ids.length
      ? await strapi.db.query(UIDS.historyEvent).findMany({
          where: { orderId: { $in: ids } },
          select: ['orderId', 'seq', 'at', 'actorKind', 'actorId', 'action', 'fromStep', 'toStep', 'changes'],
          orderBy: [{ orderId: 'asc' }, { seq: 'asc' }],
        })
      : [];
    let person: any = null;
    if (q.person) {
      person = await strapi.db.query(UIDS.staff).findOne({ where: { id: q.person }, populate: { adminUser: { select: ['id'] } } });
      const adminId = person?.adminUser?.id ?? -1;
      const touched = new Set(events.filter((e: any) => e.actorKind === 'staff' && e.actorId === adminId).map((e: any) => e.orderId));
      orders = orders.filter((o: any) => touched.has(o.id) || o.assignee?.id === q.person);
    }
    const kept = new Set(orders.map((o: any) => o.id));
    return { orders, events: events.filter((e: any) => kept.has(e.orderId)), person };
  };

  /** Step visits, each from the event that entered a step to the event that left it (or now). */
  const visitsOf = (orders: any[], events: any[], now: Date): Visit[] => {
    const byOrder = new Map<number, any[]>();
    for (const e of events) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    const visits: Visit[] = [];
    for (const o of orders) {
      const list = (byOrder.get(o.id) ?? []).filter((e) => e.toStep && e.toStep !== e.fromStep);
      list.forEach((e, i) => {
        const next = list[i + 1];
        // The final state an order ends in is not a step anyone works in.
        if (!next && o.outcome) return;
        visits.push({
          orderId: o.id,
          processKey: o.processKey,
          definitionVersion: o.definitionVersion,
          step: e.toStep,
          start: new Date(e.at),
          end: next ? new Date(next.at) : now,
          endedBy: next && next.actorKind === 'staff' ? next.actorId : null,
        });
      });
    }
    return visits;
  };

  return {
    async compute(actor: Actor, q: MetricsQuery) {
      const now = getService('clock').now();
      const { orders, events, person } = await load(actor, q);
      const defs = new Map((await getService('definitions').allStored()).map((d) => [`${d.key}@${d.version}`, d]));
      const metaOf = (o: { processKey: string; definitionVersion: number }, step: string) => stepMeta(defs.get(`${o.processKey}@${o.definitionVersion}`)!.nodes, step);
      const elapsed = getService('elapsed');
      const personAdmin = person?.adminUser?.id ?? null;

      const created = orders.filter((o: any) => within(o.createdAt, q));
      const completed = orders.filter((o: any) => o.outcome === 'completed' && within(o.closedAt, q));
      const createdIds = new Set(created.map((o: any) => o.id));

      // Visits that ended in the period by a staff action: handling time and on-time rate.
      const visits = visitsOf(orders, events, now);
      const ended = visits.filter((v) => v.end < now && within(v.end, q) && (!personAdmin || v.endedBy === personAdmin));
      const handled = ended.filter((v) => v.endedBy !== null);
      const onTime = ended
        .map((v) => ({ v, e: elapsed.of(metaOf(v, v.step), v.start, v.end) }))
        .filter(({ e }) => e.thresholdHours !== null);
      const byPerson = new Map<number, number[]>();
      for (const v of handled) byPerson.set(v.endedBy!, [...(byPerson.get(v.endedBy!) ?? []), (v.end.getTime() - v.start.getTime()) / HOUR]);

      // First response: the first staff event after the application, for orders applied in the period.
      const firstResponse = (list: any[], evs: any[]) =>
        avg(
          list.flatMap((o) => {
            const first = evs.find((e) => e.orderId === o.id && e.seq > 1 && e.actorKind === 'staff' && e.action !== 'warn');
            return first ? [(new Date(first.at).getTime() - new Date(o.createdAt).getTime()) / HOUR] : [];
          }),
        );

      const inPeriod = (e: any) => within(e.at, q) && (!personAdmin || e.actorKind !== 'staff' || e.actorId === personAdmin);
      const warns = events.filter((e: any) => e.action === 'warn' && inPeriod(e));
      const level = (e: any) => Number(e.changes?.warningLevel?.after ?? 0);
      const rejectedOrders = new Set(events.filter((e: any) => createdIds.has(e.orderId) && (e.action === 'reject' || ['returned', 'rejected'].includes(e.toStep))).map((e: any) => e.orderId));

      const orderIds = orders.map((o: any) => o.id);
      const [evaluations, exceptions, staff] = await Promise.all([
        orderIds.length ? strapi.db.query('api::evaluation.evaluation').findMany({ where: { order: { id: { $in: orderIds } }, createdAt: { $gte: q.from, $lt: q.to } }, select: ['score'], populate: { order: { select: ['id'] } } }) : [],
        orderIds.length ? strapi.db.query('api::progress-report.progress-report').count({ where: { order: { id: { $in: orderIds } }, exception: true, createdAt: { $gte: q.from, $lt: q.to } } }) : 0,
        this.staffInScope(actor, q),
      ]);

      const openAssigned = new Map<number, number>();
      for (const o of orders) if (!o.outcome && o.assignee) openAssigned.set(o.assignee.id, (openAssigned.get(o.assignee.id) ?? 0) + 1);
      const capacity = staff.reduce((n: number, s: any) => n + (s.capacity ?? 20), 0);
      const assignedLoad = staff.reduce((n: number, s: any) => n + (openAssigned.get(s.id) ?? 0), 0);

      const personAverages = [...byPerson.values()].map((xs) => avg(xs)!);
      const previous = { from: new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime())), to: q.from };
      // The previous period of the same length, for the response time before and after.
      const prev = await load(actor, { ...q, ...previous });
      const prevResponse = firstResponse(prev.orders.filter((o: any) => within(o.createdAt, { ...q, ...previous })), prev.events);
      const response = firstResponse(created, events);

      const sms = await this.smsInPeriod(q);
      const stepLabel = (o: { processKey: string; definitionVersion: number }, step: string) => metaOf(o, step)?.label ?? step;
      const count = <T,>(list: T[], key: (t: T) => string) => list.reduce((m, t) => m.set(key(t), (m.get(key(t)) ?? 0) + 1), new Map<string, number>());

      const byStep = new Map<string, { label: string; hours: number[]; onTime: number; measured: number; warnings: [number, number, number] }>();
      const stepEntry = (o: any, step: string) => {
        const key = `${o.processKey}:${step}`;
        if (!byStep.has(key)) byStep.set(key, { label: stepLabel(o, step), hours: [], onTime: 0, measured: 0, warnings: [0, 0, 0] });
        return byStep.get(key)!;
      };
      for (const v of ended) stepEntry(v, v.step).hours.push((v.end.getTime() - v.start.getTime()) / HOUR);
      for (const { v, e } of onTime) {
        const s = stepEntry(v, v.step);
        s.measured += 1;
        if (!e.overdue) s.onTime += 1;
      }
      const orderById = new Map(orders.map((o: any) => [o.id, o]));
      for (const e of warns) if (level(e) >= 1) stepEntry(orderById.get(e.orderId), e.fromStep).warnings[level(e) - 1] += 1;

      const weeks = new Map<string, { created: number; completed: number }>();
      for (let t = new Date(q.from); t < q.to; t = new Date(t.getTime() + 7 * DAY)) weeks.set(weekOf(t), { created: 0, completed: 0 });
      for (const o of created) weeks.get(weekOf(new Date(o.createdAt)))!.created += 1;
      for (const o of completed) {
        const w = weeks.get(weekOf(new Date(o.closedAt)));
        if (w) w.completed += 1;
      }

      return {
        period: { from: q.from, to: q.to },
        indicators: {
          created: created.length,
          completed: completed.length,
          completionRate: round(created.length ? created.filter((o: any) => o.outcome === 'completed').length / created.length : null, 4),
          avgCycleHours: round(avg(completed.map((o: any) => (new Date(o.closedAt).getTime() - new Date(o.createdAt).getTime()) / HOUR))),
          avgHandlingHours: round(avg(personAverages)),
          saturation: round(capacity ? assignedLoad / capacity : null, 4),
          firstResponseHours: round(response),
          onTimeRate: round(onTime.length ? onTime.filter(({ e }) => !e.overdue).length / onTime.length : null, 4),
          overdueNow: orders.filter((o: any) => !o.outcome && elapsed.of(metaOf(o, o.currentStep), o.stepEnteredAt, now).overdue).length,
          warnings: { 1: warns.filter((e: any) => level(e) === 1).length, 2: warns.filter((e: any) => level(e) === 2).length, 3: warns.filter((e: any) => level(e) === 3).length },
          returnRejectRate: round(created.length ? [...rejectedOrders].length / created.length : null, 4),
          satisfaction: { average: round(avg(evaluations.map((e: any) => e.score))), count: evaluations.length },
          exceptions,
          sms,
        },
        responseComparison: {
          current: round(response),
          previous: round(prevResponse),
          change: response !== null && prevResponse ? round((response - prevResponse) / prevResponse, 4) : null,
          previousPeriod: previous,
        },
        charts: {
          weekly: [...weeks.entries()].map(([week, v]) => ({ week, ...v })),
          cycleByStep: [...byStep.values()].filter((s) => s.hours.length).map((s) => ({ step: s.label, hours: round(avg(s.hours)) })),
          byCategory: [...count(created, (o: any) => o.category ?? '未分类')].map(([name, value]) => ({ name, value })),
          byChannel: [...count(created, (o: any) => o.channel)].map(([name, value]) => ({ name, value })),
          slaHeat: [...byStep.values()].map((s) => ({ step: s.label, onTimeRate: s.measured ? round(s.onTime / s.measured, 4) : null, warnings: s.warnings })),
        },
        staff: staff.map((s: any) => {
          const adminId = s.adminUser?.id;
          const mine = handled.filter((v) => v.endedBy === adminId);
          const mineOnTime = onTime.filter(({ v }) => v.endedBy === adminId);
          const rated = evaluations.filter((ev: any) => events.some((e: any) => e.orderId === ev.order?.id && e.actorKind === 'staff' && e.actorId === adminId));
          const open = openAssigned.get(s.id) ?? 0;
          return {
            id: s.id,
            name: s.name,
            organization: s.organization?.name ?? null,
            handled: mine.length,
            avgHandlingHours: round(avg(mine.map((v) => (v.end.getTime() - v.start.getTime()) / HOUR))),
            onTimeRate: round(mineOnTime.length ? mineOnTime.filter(({ e }) => !e.overdue).length / mineOnTime.length : null, 4),
            openLoad: open,
            capacity: s.capacity ?? 20,
            saturation: round(open / (s.capacity ?? 20), 4),
            satisfaction: round(avg(rated.map((ev: any) => ev.score))),
          };
        }),
      };
    },

    /** Staff the viewer may see (administrators: those they oversee; others: themselves), narrowed by organization and person. */
    async staffInScope(actor: Actor, q: MetricsQuery) {
      const scope = getService('scope');
      const where: any = { active: true };
      if (!scope.isAdministrator(actor)) where.id = actor.staffId ?? -1;
      else {
        const managed = await scope.managedOrganizations(actor);
        const chosen = q.organization ? await scope.treeIds(q.organization) : null;
        // A chosen organization narrows what the viewer oversees; it never widens it.
        const orgs = managed && chosen ? chosen.filter((id) => managed.includes(id)) : (chosen ?? managed);
        if (orgs) where.organization = { id: { $in: orgs.length ? orgs : [-1] } };
        if (q.person) where.id = q.person;
      }
      return strapi.db.query(UIDS.staff).findMany({ where, select: ['id', 'name', 'capacity'], populate: { adminUser: { select: ['id'] }, organization: { select: ['name'] } }, orderBy: { id: 'asc' } });
    },

    /** SMS sent in the period and the cost of those beyond the package, counting all sent before it. */
    async smsInPeriod(q: MetricsQuery) {
      const { included, price } = (strapi.config.get('plugin::workflow') as WorkflowConfig).sms;
      const sent = (where: Record<string, unknown>) => strapi.db.query(UIDS.outbox).count({ where: { channel: 'sms', status: 'sent', ...where } });
      const [before, during] = await Promise.all([sent({ sentAt: { $lt: q.from } }), sent({ sentAt: { $gte: q.from, $lt: q.to } })]);
      const overage = Math.max(0, before + during - included) - Math.max(0, before - included);
      return { sent: during, overage, cost: Math.round(overage * price * 100) / 100 };
    },
  };
};

export default metrics;
