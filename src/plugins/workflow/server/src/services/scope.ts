import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Actor } from './registry';

/**
 * Who may see which orders: the one place every query asks. Applicants see their own; super
 * administrators everything; other staff the orders of their organization's tree and orders not yet
 * dispatched to any organization. (The access issue narrows frontline staff to assigned orders.)
 */
const scope = ({ strapi }: { strapi: Core.Strapi }) => {
  const rootOf = async (orgId: number | null | undefined): Promise<number | null> => {
    let id = orgId ?? null;
    for (let guard = 0; id && guard < 20; guard += 1) {
      const org = await strapi.db.query(UIDS.organization).findOne({ where: { id }, populate: { parent: { select: ['id'] } }, select: ['id'] });
      if (!org?.parent) return org?.id ?? null;
      id = org.parent.id;
    }
    return id;
  };

  const treeIds = async (rootId: number): Promise<number[]> => {
    const all = await strapi.db.query(UIDS.organization).findMany({ select: ['id'], populate: { parent: { select: ['id'] } } });
    const ids = new Set([rootId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const o of all) if (o.parent && ids.has(o.parent.id) && !ids.has(o.id)) {
        ids.add(o.id);
        grew = true;
      }
    }
    return [...ids];
  };

  return {
    /** A query-engine `where` limiting orders to what the actor may see. */
    async where(actor: Actor): Promise<Record<string, unknown>> {
      if (actor.kind === 'system' || actor.superAdmin) return {};
      if (actor.kind === 'applicant') return { applicant: { id: actor.id } };
      const root = await rootOf(actor.organizationId);
      if (!root) return { id: -1 };
      const ids = await treeIds(root);
      return { $or: [{ organization: { id: { $in: ids } } }, { organization: { id: { $null: true } } }] };
    },

    async canView(actor: Actor, orderId: number): Promise<boolean> {
      const where = await this.where(actor);
      const count = await strapi.db.query(UIDS.order).count({ where: { $and: [{ id: orderId }, where] } });
      return count > 0;
    },

    treeIds,
    rootOf,
  };
};

export default scope;
