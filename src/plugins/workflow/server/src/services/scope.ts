import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import type { Actor } from './registry';

interface ScopedOrder {
  id: number;
  applicant?: { id: number } | null;
  organization?: { id: number } | null;
}

/**
 * Who may see which orders: the one place every query asks. Applicants see their own; super
 * administrators everything; other staff the orders of their organization's tree and orders not yet
 * dispatched to any organization. (The access issue narrows frontline staff to assigned orders.)
 */
const scope = ({ strapi }: { strapi: Core.Strapi }) => {
  // The organization tree is small and read on every staff request: keep it in memory, drop it on change.
  let parents: Map<number, number | null> | null = null;
  strapi.db.lifecycles.subscribe({
    models: [UIDS.organization],
    afterCreate: () => void (parents = null),
    afterUpdate: () => void (parents = null),
    afterDelete: () => void (parents = null),
  } as any);

  const tree = async () => {
    if (!parents) {
      const rows = await strapi.db.query(UIDS.organization).findMany({ select: ['id'], populate: { parent: { select: ['id'] } } });
      parents = new Map(rows.map((o: any) => [o.id, o.parent?.id ?? null]));
    }
    return parents;
  };

  const rootOf = async (orgId: number | null | undefined): Promise<number | null> => {
    const p = await tree();
    let id = orgId ?? null;
    for (let hops = 0; id !== null && p.get(id) && hops < 20; hops += 1) id = p.get(id)!;
    return id !== null && p.has(id) ? id : null;
  };

  const treeIds = async (rootId: number): Promise<number[]> => {
    const p = await tree();
    const ids = new Set([rootId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [id, parent] of p) if (parent !== null && ids.has(parent) && !ids.has(id)) {
        ids.add(id);
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
      return { $or: [{ organization: { id: { $in: await treeIds(root) } } }, { organization: { id: { $null: true } } }] };
    },

    /** The same rule for an order already loaded with its applicant and organization. */
    async canView(actor: Actor, order: ScopedOrder): Promise<boolean> {
      if (actor.kind === 'system' || actor.superAdmin) return true;
      if (actor.kind === 'applicant') return order.applicant?.id === actor.id;
      if (!order.organization) return true;
      const root = await rootOf(actor.organizationId);
      return root !== null && root === (await rootOf(order.organization.id));
    },

    treeIds,
    rootOf,
  };
};

export default scope;
