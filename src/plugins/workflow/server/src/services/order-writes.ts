import type { Core } from '@strapi/strapi';
import type { Notification } from '../engine/spec';
import type { EnteringOrder } from './knowledge';
import type { OrderRelation } from './order-rows';
import { getService } from '../utils';

/**
 * Everything one change of an order writes, worked out before anything is written: a submission, a
 * transition, a correction, a warning or an urge. `writes.carryOut` is the one place that writes it.
 */
export interface OrderWrite {
  order: EnteringOrder;
  /** The order's row as the plan was made from it (the locked row when there is one); none for a new order. */
  current?: Record<string, any>;
  /** Attribute values of the order's row (its chain head among them). */
  patch: Record<string, unknown>;
  /** When given, the row is written only while it still holds these values. */
  expected?: Record<string, unknown>;
  relations?: Partial<Record<OrderRelation, number | null>>;
  /** The history event, hashed (history.next). */
  event: Record<string, unknown> & { at: Date };
  notify?: { notifications: Notification[]; payload: Record<string, unknown> };
  /** The step the order entered, for the knowledge articles tagged with it. */
  entered?: string | null;
  /** The order closed: its archive is built by the outbox worker. */
  closes?: boolean;
}

/** The one executor of an order's writes, in one transaction of Strapi's on SQLite and MySQL alike. */
const orderWrites = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Writes the plan; answers the event's id, or null (nothing written) when the row no longer held `expected`. */
  async carryOut(planned: OrderWrite): Promise<number | null> {
    const { order } = planned;
    return strapi.db.transaction(async () => {
      const plan = await getService('history').projected(planned);
      const written = await getService('orderRows').update(order.id, plan.patch, plan.expected);
      if (plan.expected && written === 0) return null;
      const eventId = await getService('history').insert(plan.event);
      if (plan.relations) await getService('orderRows').setRelations(order.id, plan.relations);
      if (plan.notify)
        await getService('outbox').enqueue(order.id, eventId, plan.notify.notifications, plan.notify.payload);
      if (plan.entered) await getService('knowledge').onEnter(order, plan.entered, eventId);
      if (plan.closes) await getService('archives').schedule(order.id, eventId);
      return eventId;
    });
  },
});

export default orderWrites;
