import type { Core } from '@strapi/strapi';
import type { Actor } from './registry';
import { LEADER_ROLE, MANAGER_ROLE, UIDS } from '../constants';
import { kept } from '../kept';
import { stepMeta } from '../engine/spec';
import { getService } from '../utils';
import { conflict, notFound } from '../errors';
import type { LoadedDefinition } from './definitions';
import { errors } from '@strapi/utils';

interface ScopedOrder {
  id: number;
  processKey?: string;
  definitionVersion?: number;
  currentStep?: string;
  applicant?: { id: number } | null;
  organization?: { id: number } | null;
  assignee?: { id: number } | null;
}

/**
 * Who may see which orders: the one place every query and action asks.
 * - applicants: their own orders;
 * - super administrators: everything;
 * - department administrators and leaders: orders of their organization and its sub-organizations;
 * - frontline staff: orders assigned to them, and orders nobody holds yet that wait in a step their
 *   job roles act on, within their organization's line (their organization, its parents and children).
 */
const scope = ({ strapi }: { strapi: Core.Strapi }) => {
  // The organization tree is small and read on every staff request.
  const organizations = kept(strapi, [UIDS.organization], async () => {
    const rows = await strapi.db
      .query(UIDS.organization)
      .findMany({ select: ['id', 'code', 'name'], populate: { parent: { select: ['id'] } } });
    return {
      parents: new Map<number, number | null>(rows.map((o: any) => [o.id, o.parent?.id ?? null])),
      /** The organizations by code, with their names (a submission's entry organization). */
      byCode: new Map<string, { id: number; code: string; name: string }>(
        rows.filter((o: any) => o.code).map((o: any) => [o.code, { id: o.id, code: o.code, name: o.name }]),
      ),
      /** Each organization's tree (itself and everything below), worked out once per read of the tree. */
      trees: new Map<number, number[]>(),
    };
  });
  const tree = async () => (await organizations.get(null)).parents;

  const rootOf = async (orgId: number | null | undefined): Promise<number | null> => {
    const p = await tree();
    let id = orgId ?? null;
    for (let hops = 0; id !== null && p.get(id) && hops < 20; hops += 1) id = p.get(id)!;
    return id !== null && p.has(id) ? id : null;
  };

  const treeIds = async (rootId: number): Promise<number[]> => {
    const { parents: p, trees } = await organizations.get(null);
    const known = trees.get(rootId);
    if (known) return known;
    const ids = new Set([rootId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [id, parent] of p)
        if (parent !== null && ids.has(parent) && !ids.has(id)) {
          ids.add(id);
          grew = true;
        }
    }
    // Shared by every caller from now on: frozen, so that none can change another's.
    const found = Object.freeze([...ids]) as number[];
    trees.set(rootId, found);
    return found;
  };

  /** Organization ids above and below an organization (the company a department belongs to, its units). */
  const lineOf = async (orgId: number) => {
    const p = await tree();
    const ids = new Set(await treeIds(orgId));
    for (let id: number | null | undefined = p.get(orgId); id; id = p.get(id)) ids.add(id);
    return [...ids];
  };

  /** Whether a step of a definition waits for one of these job roles. */
  const waitsFor = (def: LoadedDefinition, step: string, roles: string[]) =>
    (stepMeta(def.nodes, step)?.roles ?? []).some((r) => roles.includes(r));

  /** Steps each (process, version) waits in for one of these job roles. */
  const stepsFor = async (roles: string[]) => {
    const result: Array<{ processKey: string; definitionVersion: number; steps: string[] }> = [];
    for (const def of await getService('definitions').allStored()) {
      const steps = [...def.nodes.keys()].filter((k) => waitsFor(def, k, roles));
      if (steps.length) result.push({ processKey: def.key, definitionVersion: def.version, steps });
    }
    return result;
  };

  const isManager = (actor: Actor) => actor.roles.includes(MANAGER_ROLE);
  /** Department administrators and leaders see every order of their tree (leaders to 督办 them). */
  const seesTree = (actor: Actor) => isManager(actor) || actor.roles.includes(LEADER_ROLE);

  return {
    /** Orders that are the actor's work now: assigned to them, or unclaimed in a step their job roles act on. */
    async workWhere(actor: Actor): Promise<Record<string, unknown>> {
      if (actor.kind !== 'staff' || !actor.organizationId)
        return actor.superAdmin ? { assigneeRef: { $null: true } } : { id: -1 };
      const mine = await this.workBranches(actor);
      return mine.length ? { $or: mine } : { id: -1 };
    },

    /**
     * The same orders as conditions that never overlap, each one index range (assigned to them; per
     * process version, unclaimed in their steps): what a large count of a staff member's work runs as,
     * one query per branch, instead of one OR the database reads row by row. `seen`: organizations whose
     * orders the caller already has in view; the unclaimed branches then cover only the rest of the line,
     * and none when nothing is left.
     */
    async workBranches(actor: Actor, seen: number[] = []): Promise<Record<string, unknown>[]> {
      if (actor.kind !== 'staff' || !actor.organizationId) return [];
      const mine: Record<string, unknown>[] = actor.staffId ? [{ assigneeRef: actor.staffId }] : [];
      const line = (await lineOf(actor.organizationId)).filter((id) => !seen.includes(id));
      if (!line.length) return mine;
      for (const w of await stepsFor(actor.roles)) {
        mine.push({
          processKey: w.processKey,
          definitionVersion: w.definitionVersion,
          currentStep: { $in: w.steps },
          assigneeRef: { $null: true },
          organizationRef: { $in: line },
        });
      }
      return mine;
    },

    /** A query-engine `where` limiting orders to what the actor may see; single-table, on the `…Ref` columns. */
    async where(actor: Actor): Promise<Record<string, unknown>> {
      if (actor.kind === 'system' || actor.superAdmin) return {};
      if (actor.kind === 'applicant') return { applicantRef: actor.id };
      if (!actor.organizationId) return { id: -1 };
      if (!seesTree(actor)) return this.workWhere(actor);
      const tree = await treeIds(actor.organizationId);
      // Their work inside their tree is in view already. For an administrator at the top of a tree that
      // leaves conditions on the columns of orders_inbox_idx alone, so MariaDB decides each order from the
      // index instead of reading its row: the capped inbox count at 1 M orders, 9 → 1.2 ms.
      const beyond = await this.workBranches(actor, tree);
      return { $or: [{ organizationRef: { $in: tree } }, ...beyond] };
    },

    /**
     * The organizations whose orders the actor sees whole (null: every order); what `where` lets them
     * see beyond these is their work (`workWhere`).
     */
    async organizationsInView(actor: Actor): Promise<number[] | null> {
      if (actor.kind === 'system' || actor.superAdmin) return null;
      if (actor.kind !== 'staff' || !actor.organizationId || !seesTree(actor)) return [];
      return treeIds(actor.organizationId);
    },

    /**
     * The one way a service loads an order for a caller: by its number, 404 when the caller may not see
     * it. `read` loads the row (the engine's row by default). With `version`, a caller who no longer
     * sees the order but could have acted on it at an earlier version is told someone acted first (409).
     */
    async loadVisible<O extends ScopedOrder = any>(
      actor: Actor,
      number: string,
      { read, version }: { read?: (number: string) => Promise<O | null>; version?: number | null } = {},
    ): Promise<O> {
      const order = (await (read ? read(number) : getService('orderRows').load({ number }))) as O | null;
      if (!order) throw notFound();
      if (await this.canView(actor, order)) return order;
      const stale =
        version != null && version !== (order as any).lockVersion && (await this.couldHaveActed(actor, order));
      throw stale ? conflict((order as any).lockVersion) : notFound();
    },

    /**
     * The same rule for an order already loaded with its applicant, organization and assignee; staff
     * also keep sight (read-only) of every order they acted on.
     */
    async canView(actor: Actor, order: ScopedOrder): Promise<boolean> {
      if (await this.canViewNow(actor, order)) return true;
      return actor.kind === 'staff' && (await this.actedOn(actor, order.id));
    },

    /**
     * Whether a staff member could have acted on the order at an earlier version: it belongs to their
     * organization's line, and a step it has left waited for one of their job roles. Such a caller
     * repeating a stale action is told someone acted first (409), not that the order does not exist.
     */
    async couldHaveActed(actor: Actor, order: ScopedOrder): Promise<boolean> {
      if (actor.kind !== 'staff' || !actor.organizationId || !order.organization) return false;
      if (!order.processKey || !order.definitionVersion) return false;
      if (!(await lineOf(actor.organizationId)).includes(order.organization.id)) return false;
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const left = await strapi.db
        .query(UIDS.historyEvent)
        .findMany({ where: { orderId: order.id }, select: ['fromStep'] });
      return left.some((e: { fromStep: string | null }) => !!e.fromStep && waitsFor(def, e.fromStep, actor.roles));
    },

    /** Whether a staff member's name is on an event of the order's history. */
    async actedOn(actor: Actor, orderId: number): Promise<boolean> {
      const where = { orderId, actorKind: 'staff', actorId: actor.id };
      return (await strapi.db.query(UIDS.historyEvent).count({ where })) > 0;
    },

    /** 已办: the orders a staff member acted on, read-only in their view whatever step they are in now. */
    handledWhere(actor: Actor): Record<string, unknown> {
      if (actor.kind !== 'staff' || actor.id === null) return { id: -1 };
      const events = getService('tables').table(UIDS.historyEvent);
      const acted = strapi.db
        .connection(events.name)
        .distinct(events.column('orderId'))
        .where(events.column('actorKind'), 'staff')
        .where(events.column('actorId'), actor.id);
      return { id: { $in: acted } };
    },

    /**
     * Whether the order is the actor's to see as it stands now: theirs, in their tree, assigned to them
     * or waiting for their job roles.
     */
    async canViewNow(actor: Actor, order: ScopedOrder): Promise<boolean> {
      if (actor.kind === 'system' || actor.superAdmin) return true;
      if (actor.kind === 'applicant') return !!order.applicant && order.applicant.id === actor.id;
      if (!actor.organizationId || !order.organization) return false;
      if (seesTree(actor) && (await treeIds(actor.organizationId)).includes(order.organization.id)) return true;
      if (order.assignee) return order.assignee.id === actor.staffId;
      if (!(await lineOf(actor.organizationId)).includes(order.organization.id)) return false;
      // Unclaimed: visible when its step waits for one of their job roles (what stepsFor lists, for this
      // order's version alone).
      if (!order.processKey || !order.definitionVersion || !order.currentStep) return false;
      const def = await getService('definitions')
        .get(order.processKey, order.definitionVersion)
        .catch((error) => {
          if (error instanceof errors.NotFoundError) return null;
          throw error;
        });
      return !!def && waitsFor(def, order.currentStep, actor.roles);
    },

    treeIds,
    rootOf,
    lineOf,
    /** Super administrators and department administrators: who keeps organizations, staff, templates, dead letters. */
    isAdministrator: (actor: Actor) => actor.kind === 'staff' && (!!actor.superAdmin || isManager(actor)),
    /**
     * Organizations whose staff the actor oversees: all (null) for super administrators, their tree for
     * department administrators, none otherwise.
     */
    async managedOrganizations(actor: Actor): Promise<number[] | null> {
      if (actor.superAdmin) return null;
      if (!isManager(actor) || !actor.organizationId) return [];
      return treeIds(actor.organizationId);
    },
    /** An organization by its code, with its name; null when there is none. */
    async organizationByCode(code: string) {
      return (await organizations.get(null)).byCode.get(code) ?? null;
    },

    /** An organization and those above it (a department, its company). */
    async ancestorsOf(orgId: number): Promise<number[]> {
      const p = await tree();
      const ids = [orgId];
      for (let id = p.get(orgId); id; id = p.get(id)) ids.push(id);
      return ids;
    },
  };
};

export default scope;
