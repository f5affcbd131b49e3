import type { Core } from '@strapi/strapi';
import { UIDS, WARNING_LABELS } from '../constants';
import { formatHours } from '../engine/elapsed';
import { stepMeta, type Channel } from '../engine/spec';
import { getService } from '../utils';
import type { WorkflowConfig } from '../config';

/** Who each warning level tells (seed 000): the assignee, the department administrator, the top. */
const AUDIENCE = ['', 'assignee', 'managers', 'executives'] as const;
const config = () => strapi.config.get('plugin::workflow') as WorkflowConfig;
const SCAN_LEASE = 'sla-scan';

interface Reason {
  /** The share of the threshold, the elapsed time and the threshold, as the message shows them. */
  percent?: number;
  elapsed?: string;
  threshold?: string;
  /** An exception reported from the site raises level 3 at once. */
  exception?: boolean;
  reason?: string;
}

/**
 * Open orders that may have reached their next warning level: per step with a threshold and per level
 * it is at, those that entered the step before the point the next level falls due. Working hours never
 * exceed natural hours, so for steps counted in working hours this finds a superset, which the scan
 * then measures exactly. One range of the `orders_sla_idx` index per (step, level): the scan reads the
 * orders due, not every open order.
 */
const dueWhere = async (now: Date) => {
  const percents = config().warningPercents;
  const conditions = [];
  for (const def of await getService('definitions').allStored()) {
    for (const [key] of def.nodes) {
      const hours = stepMeta(def.nodes, key)?.thresholdHours;
      if (!hours) continue;
      for (let level = 0; level < 3; level += 1) {
        conditions.push({
          processKey: def.key,
          definitionVersion: def.version,
          currentStep: key,
          warningLevel: level,
          stepEnteredAt: { $lte: new Date(now.getTime() - (percents[level] / 100) * hours * 3_600_000) },
        });
      }
    }
  }
  return { outcome: { $null: true }, $or: conditions.length ? conditions : [{ id: -1 }] };
};

/**
 * Warnings when a step runs late: level 1 at 80 % of the step's threshold, 2 at 100 %, 3 at 200 %
 * (configurable), each measured in the step's own unit. The order keeps the highest level of its
 * current step visit; a compare-and-set on that column makes each level fire once per visit, on one
 * instance, with its history event and notifications in one transaction.
 */
const escalation = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Raises an order's warning to `level` for the step visit it is in; every level passed on the way
   * gets its own history event and notification. False when the order moved on or was already there.
   */
  async raise(orderId: number, level: number, reason: Reason = {}) {
    return strapi.db.transaction(async () => {
      // Locked before it is read: on SQLite a transaction that reads first is refused its write when
      // another instance wrote meanwhile (database is locked).
      const order: any = await getService('orderRows').load({ id: orderId }, { lock: true });
      const from = order?.warningLevel ?? 0;
      if (!order || order.outcome || level <= from) return false;
      const { count } = await strapi.db.query(UIDS.order).updateMany({
        where: { id: orderId, currentStep: order.currentStep, stepEnteredAt: order.stepEnteredAt, warningLevel: from },
        data: { warningLevel: level },
      });
      if (count === 0) return false;
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const stepLabel = stepMeta(def.nodes, order.currentStep)?.label ?? order.currentStep;
      const at = getService('clock').now();
      // The scan tells everyone each passed level concerns; an exception goes straight to the top.
      const levels = reason.exception ? [level] : Array.from({ length: level - from }, (_, i) => from + 1 + i);
      for (const l of levels) {
        const template = `warning-level-${l}`;
        const notifications = [
          { to: AUDIENCE[l], template, channels: ['message'] as Channel[], level: l },
          // By SMS to whoever handles the step and its department administrators, when the settings say so.
          ...(config().staffSms.warning
            ? (['handlers', 'managers'] as const).map((to) => ({
                to,
                template,
                channels: ['sms'] as Channel[],
                level: l,
              }))
            : []),
        ];
        const payload = { number: order.number, step: order.currentStep, stepLabel, ...reason };
        await getService('history').append(
          {
            orderId,
            at,
            actorKind: 'system',
            actorId: null,
            actorName: '系统',
            action: 'warn',
            actionLabel: WARNING_LABELS[l],
            fromStep: order.currentStep,
            toStep: order.currentStep,
            comment: reason.exception
              ? `现场异常：${reason.reason ?? ''}`
              : `已用时${reason.elapsed}，达到时限${reason.threshold}的${reason.percent}%`,
            changes: { warningLevel: { before: reason.exception ? from : l - 1, after: l } },
            warningLevel: l,
          },
          { notifications, payload },
        );
      }
      return true;
    });
  },

  /**
   * Compares every open order's time in its step with the step's threshold. One instance scans at a
   * time (a lease in the database); within an instance the scheduler never overlaps runs.
   */
  async scan() {
    return getService('leases').exclusive(SCAN_LEASE, 10 * 60_000, async () => {
      const now = getService('clock').now();
      const candidates = await strapi.db.query(UIDS.order).findMany({
        where: await dueWhere(now),
        select: ['id', 'processKey', 'definitionVersion', 'currentStep', 'stepEnteredAt', 'warningLevel'],
        orderBy: { id: 'asc' },
      });
      let raised = 0;
      for (const o of candidates) {
        const def = await getService('definitions').get(o.processKey, o.definitionVersion);
        const meta = stepMeta(def.nodes, o.currentStep);
        if (!meta?.thresholdHours) continue;
        const elapsed = getService('elapsed').of(meta, o.stepEnteredAt, now);
        const level = getService('elapsed').level(elapsed);
        if (level <= (o.warningLevel ?? 0)) continue;
        const unit = meta.thresholdUnit === 'working' ? '工作小时' : '小时';
        const percent = Math.floor((elapsed.measuredHours / meta.thresholdHours) * 100);
        const reached = await this.raise(o.id, level, {
          percent,
          elapsed:
            meta.thresholdUnit === 'working'
              ? `${Math.floor(elapsed.measuredHours)}${unit}`
              : formatHours(elapsed.hours),
          threshold: `${meta.thresholdHours}${unit}`,
        });
        if (reached) raised += 1;
      }
      return { raised, examined: candidates.length };
    });
  },
});

export default escalation;
