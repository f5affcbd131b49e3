import type { Core } from '@strapi/strapi';
import { LEADER_ROLE, MANAGER_ROLE, UIDS } from '../constants';
import { notFound } from '../errors';
import { getService } from '../utils';
import { uidOf } from '../domain';
import { stepMeta } from '../engine/spec';

const MESSAGE = () => uidOf('message');

/** The reader of a message list: an applicant (users-permissions user) or a staff member (admin user). */
export type Reader = { kind: 'applicant'; userId: number } | { kind: 'staff'; adminId: number };

export interface StaffRecipient {
  adminId: number;
  mobile: string | null;
}

/** Where an audience's staff are (organizations) and which job roles they hold. */
const audienceOf = async (order: any, orgId: number, audience: string) => {
  const scope = getService('scope');
  if (audience === 'handlers') {
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    return { orgs: await scope.lineOf(orgId), roles: stepMeta(def.nodes, order.currentStep)?.roles ?? [] };
  }
  if (audience === 'executives')
    return { orgs: await scope.treeIds((await scope.rootOf(orgId)) ?? orgId), roles: [LEADER_ROLE] };
  return { orgs: await scope.ancestorsOf(orgId), roles: [MANAGER_ROLE] };
};

const mine = (reader: Reader) =>
  reader.kind === 'applicant' ? { recipientUser: { id: reader.userId } } : { recipientAdminId: reader.adminId };

/**
 * In-app messages: who an audience of an order reaches, delivering an outbox row as messages, and
 * each reader's list with its unread count.
 */
const messages = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The staff an audience means for this order, each with their admin user id and mobile:
   * - assignee: who holds the order;
   * - handlers: who holds it, else everyone whose job roles its current step waits for, in its line;
   * - managers: department administrators of its organization or above (an unassigned order's too);
   * - executives: leaders of the whole company, and super administrators.
   */
  async staffRecipients(orderId: number, audience: string): Promise<StaffRecipient[]> {
    const order = await strapi.db.query(UIDS.order).findOne({
      where: { id: orderId },
      select: ['id', 'processKey', 'definitionVersion', 'currentStep'],
      populate: {
        organization: { select: ['id'] },
        assignee: { select: ['id', 'mobile'], populate: { adminUser: { select: ['id'] } } },
      },
    });
    if (!order) return [];
    const held = order.assignee?.adminUser
      ? [{ adminId: order.assignee.adminUser.id, mobile: order.assignee.mobile }]
      : [];
    // Notices for the assignee of an order nobody holds go to its managers.
    if ((audience === 'assignee' || audience === 'handlers') && held.length) return held;
    const orgId = order.organization?.id;
    if (!orgId) return [];
    const { orgs, roles } = await audienceOf(order, orgId, audience);
    const staff = await strapi.db.query(UIDS.staff).findMany({
      where: { organization: { id: { $in: orgs } }, active: true },
      select: ['id', 'jobRoles', 'mobile'],
      populate: { adminUser: { select: ['id'] } },
    });
    const found: StaffRecipient[] = staff
      .filter((s: any) => Array.isArray(s.jobRoles) && s.jobRoles.some((r: string) => roles.includes(r)) && s.adminUser)
      .map((s: any) => ({ adminId: s.adminUser.id, mobile: s.mobile ?? null }));
    if (audience === 'executives') {
      const supers = await strapi.db
        .query('admin::user')
        .findMany({ where: { roles: { code: 'strapi-super-admin' }, isActive: true }, select: ['id'] });
      found.push(...supers.map((u: any) => ({ adminId: u.id, mobile: null })));
    }
    return [...new Map(found.map((r) => [r.adminId, r])).values()];
  },

  /** A staff member by their profile id, as a recipient; null when they cannot sign in. */
  async person(staffId: number | null): Promise<StaffRecipient | null> {
    if (!staffId) return null;
    const staff = await strapi.db
      .query(UIDS.staff)
      .findOne({ where: { id: staffId }, select: ['id', 'mobile'], populate: { adminUser: { select: ['id'] } } });
    return staff?.adminUser ? { adminId: staff.adminUser.id, mobile: staff.mobile ?? null } : null;
  },

  /** Admin user ids of the staff an audience means for this order. */
  async staffAudience(orderId: number, audience: string): Promise<number[]> {
    return (await this.staffRecipients(orderId, audience)).map((r) => r.adminId);
  },

  /** Writes an outbox row's in-app messages; answers how many were written. */
  async deliver(row: {
    orderId: number;
    audience: string;
    template: string;
    recipient: string | null;
    payload: Record<string, any>;
  }) {
    const text = getService('registry').message(row.template, row.payload ?? {});
    const base = {
      order: row.orderId,
      kind: row.template,
      title: text.title.slice(0, 200),
      body: text.body,
      data: row.payload ?? null,
    };
    if (row.audience === 'applicant' || row.audience === 'person') {
      if (!row.recipient) return 0;
      // Fixed when the notice was written: the applicant's user id, or the staff member's admin user id.
      const to =
        row.audience === 'applicant'
          ? { recipientUser: Number(row.recipient) }
          : { recipientAdminId: Number(row.recipient) };
      await strapi.db.query(MESSAGE()).create({ data: { ...base, ...to } });
      return 1;
    }
    const admins = await this.staffAudience(row.orderId, row.audience);
    for (const adminId of admins)
      await strapi.db.query(MESSAGE()).create({ data: { ...base, recipientAdminId: adminId } });
    return admins.length;
  },

  async list(reader: Reader, query: { page: number; pageSize: number; unread?: boolean }) {
    const where = { ...mine(reader), ...(query.unread ? { readAt: { $null: true } } : {}) };
    const [rows, total, unread] = await Promise.all([
      strapi.db.query(MESSAGE()).findMany({
        where,
        select: ['id', 'kind', 'title', 'body', 'data', 'readAt', 'createdAt'],
        populate: { order: { select: ['number'] } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
      strapi.db.query(MESSAGE()).count({ where }),
      this.unreadCount(reader),
    ]);
    return {
      data: rows.map((m: any) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        body: m.body,
        data: m.data,
        number: m.order?.number ?? null,
        read: !!m.readAt,
        createdAt: m.createdAt,
      })),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
        unread,
      },
    };
  },

  unreadCount: (reader: Reader): Promise<number> =>
    strapi.db.query(MESSAGE()).count({ where: { ...mine(reader), readAt: { $null: true } } }),

  /** Marks one of the reader's messages read; someone else's is 404. */
  async markRead(reader: Reader, id: number) {
    const message = await strapi.db
      .query(MESSAGE())
      .findOne({ where: { id, ...mine(reader) }, select: ['id', 'readAt'] });
    if (!message) throw notFound();
    if (!message.readAt)
      await strapi.db.query(MESSAGE()).update({ where: { id }, data: { readAt: getService('clock').now() } });
    return { unread: await this.unreadCount(reader) };
  },

  async markAllRead(reader: Reader) {
    // updateMany cannot filter on a relation; select the ids first.
    const unread = await strapi.db
      .query(MESSAGE())
      .findMany({ where: { ...mine(reader), readAt: { $null: true } }, select: ['id'] });
    if (unread.length)
      await strapi.db.query(MESSAGE()).updateMany({
        where: { id: { $in: unread.map((m: any) => m.id) } },
        data: { readAt: getService('clock').now() },
      });
    return { unread: 0 };
  },
});

export default messages;
