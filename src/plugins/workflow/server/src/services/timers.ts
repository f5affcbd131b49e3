import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService } from '../utils';

/**
 * Steps that move by themselves after a while (meta.autoAdvance), e.g. an unrated order closes after
 * 7 days. Fired through the transition service as the system, like any other action.
 */
const timers = ({ strapi }: { strapi: Core.Strapi }) => ({
  async runDue(now = getService('clock').now()) {
    const fired: string[] = [];
    for (const def of await getService('definitions').allStored()) {
      const { key, version } = def;
      for (const [step, node] of def.nodes) {
        // Declared on the step itself: a compound state's timer does not apply to each child.
        const auto = node.config.meta?.autoAdvance;
        if (!auto) continue;
        const due = await strapi.db.query(UIDS.order).findMany({
          where: {
            processKey: key,
            definitionVersion: version,
            currentStep: step,
            outcome: { $null: true },
            stepEnteredAt: { $lte: new Date(now.getTime() - auto.afterHours * 3_600_000) },
          },
          select: ['number', 'lockVersion'],
          limit: 500,
        });
        for (const order of due) {
          try {
            await getService('transitions').perform({
              number: order.number,
              action: auto.event,
              version: order.lockVersion,
              form: {},
              actor: getService('actors').system(),
              at: now,
            });
            fired.push(order.number);
          } catch (error: any) {
            // Someone acted on it meanwhile (409) or it moved on: the next run sees the new state.
            strapi.log.warn(`workflow timer ${auto.event} on ${order.number}: ${error.message}`);
          }
        }
      }
    }
    return fired;
  },
});

export default timers;
