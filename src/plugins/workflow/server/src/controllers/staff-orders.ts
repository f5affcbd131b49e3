import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { forbidden } from '../errors';
import { getService } from '../utils';
import { ACTIONS, actionId, type ActionName } from '../rbac';
import { onlyFields, parseListQuery, sendFile, sendXlsx, singleFile } from './query';

const WINDOW_ROLES = ['window-clerk', 'department-admin'];
const WINDOW_FIELDS = ['processKey', 'channel', 'formData', 'applicantMobile', 'applicantName'];

/** Staff (admin JWT): the inbox, the order view, actions, uploads, window entry, chain verification. */
const staffOrders = ({ strapi }: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').staff(ctx.state.user);

  return {
    /** Who the caller is to the workflow: job roles, and which of the workflow's permissions their admin roles hold. */
    async me(ctx) {
      const who = await actor(ctx);
      const permissions = (Object.keys(ACTIONS) as ActionName[]).filter((name) =>
        ctx.state.userAbility?.can(actionId(name)),
      );
      ctx.body = { data: { name: who.name, roles: who.roles, superAdmin: !!who.superAdmin, permissions } };
    },

    async inbox(ctx) {
      ctx.body = await getService('orders').list(await actor(ctx), parseListQuery(ctx.query));
    },

    /** Colleagues to filter the inbox by: the staff of the caller's company (everyone for super admins). */
    async colleagues(ctx) {
      const who = await actor(ctx);
      const root = who.superAdmin ? null : await getService('scope').rootOf(who.organizationId);
      const where = who.superAdmin
        ? { active: true }
        : { active: true, organization: { id: { $in: root ? await getService('scope').treeIds(root) : [-1] } } };
      const rows = await strapi.db
        .query(UIDS.staff)
        .findMany({ where, select: ['id', 'name', 'jobRoles'], orderBy: { id: 'asc' } });
      ctx.body = { data: rows.map((r: any) => ({ id: r.id, name: r.name, jobRoles: r.jobRoles })) };
    },

    /** Organizations the caller may filter by: their company's tree (all for super administrators). */
    async organizations(ctx) {
      const who = await actor(ctx);
      const root = who.superAdmin ? null : await getService('scope').rootOf(who.organizationId);
      const where = who.superAdmin ? {} : { id: { $in: root ? await getService('scope').treeIds(root) : [-1] } };
      const rows = await strapi.db.query(UIDS.organization).findMany({
        where,
        select: ['id', 'name', 'code'],
        populate: { parent: { select: ['id'] } },
        orderBy: { id: 'asc' },
      });
      ctx.body = {
        data: rows.map((o: any) => ({ id: o.id, name: o.name, code: o.code, parent: o.parent?.id ?? null })),
      };
    },

    async assignees(ctx) {
      ctx.body = {
        data: await getService('transitions').assigneeChoices(
          await actor(ctx),
          String(ctx.params.number),
          String(ctx.query.role ?? ''),
        ),
      };
    },

    async counts(ctx) {
      ctx.body = { data: await getService('orders').counts(await actor(ctx)) };
    },

    /** The filtered inbox as an Excel file, with the columns of the screen. */
    async export(ctx) {
      const buffer = await getService('exports').inbox(await actor(ctx), parseListQuery(ctx.query));
      sendXlsx(ctx, buffer, '工单列表.xlsx');
    },

    async view(ctx) {
      ctx.body = { data: await getService('orders').view(await actor(ctx), String(ctx.params.number)) };
    },

    async act(ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await getService('transitions').perform({
          number: String(ctx.params.number),
          action: String(ctx.params.action),
          version: body.version,
          form: body.form,
          actor: await actor(ctx),
        }),
      };
    },

    /** 转办/改派: {version, assignee, reason}; answers the new version and holder. */
    async reassign(ctx) {
      const { version, assignee, reason } = ctx.request.body ?? {};
      const input = { number: String(ctx.params.number), version, assignee, reason, actor: await actor(ctx) };
      ctx.body = { data: await getService('transitions').reassign(input) };
    },

    /** Who may take over the order's current step. */
    async reassignChoices(ctx) {
      const choices = await getService('transitions').reassignChoices(await actor(ctx), String(ctx.params.number));
      ctx.body = { data: choices };
    },

    /** 督办: {note} to the order's handlers and department administrators. */
    async supervise(ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await getService('transitions').supervise(await actor(ctx), String(ctx.params.number), body),
      };
    },

    /** 更正申请信息: {version, formData, reason}; answers the new version and the changed fields. */
    async correct(ctx) {
      const body = ctx.request.body ?? {};
      const { version, formData, reason } = body;
      const input = { number: String(ctx.params.number), version, formData, reason, actor: await actor(ctx) };
      ctx.body = { data: await getService('transitions').correct(input) };
    },

    async archive(ctx) {
      sendFile(ctx, await getService('archives').open(await actor(ctx), String(ctx.params.number)));
    },

    async download(ctx) {
      sendFile(
        ctx,
        await getService('files').open(await actor(ctx), String(ctx.params.number), Number(ctx.params.fileId)),
      );
    },

    async upload(ctx) {
      const body = ctx.request.body ?? {};
      ctx.status = 201;
      ctx.body = {
        data: await getService('files').attach(await actor(ctx), String(ctx.params.number), {
          kind: body.kind,
          name: body.name,
          file: singleFile(ctx),
        }),
      };
    },

    /** 窗口受理: a clerk enters an application on the applicant's behalf (reviewed offline). */
    async create(ctx) {
      const who = await actor(ctx);
      if (!who.superAdmin && !who.roles.some((r) => WINDOW_ROLES.includes(r)))
        throw forbidden('只有窗口受理员可以录入申请');
      const body = onlyFields(ctx.request.body, WINDOW_FIELDS, '申请信息有误');
      const applicantId = body.applicantMobile
        ? await getService('actors').findOrCreateApplicant(body.applicantMobile, body.applicantName)
        : null;
      const result = await getService('transitions').start({
        processKey: body.processKey,
        channel: body.channel ?? 'window',
        formData: body.formData,
        actor: who,
        applicantId,
      });
      ctx.status = 201;
      // The clerk may no longer hold the order (it waits for dispatch), but may see what they entered.
      ctx.body = {
        data: await getService('orders').view(getService('actors').system(), result.number, result.submitted),
      };
    },

    async verify(ctx) {
      const who = await actor(ctx);
      const id = await getService('orders').idOf(who, String(ctx.params.number));
      ctx.body = { data: await getService('history').verify(id) };
    },
  };
};

export default staffOrders;
