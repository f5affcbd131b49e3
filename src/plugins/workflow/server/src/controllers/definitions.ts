import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { UIDS } from '../constants';
import { notFound } from '../errors';

/** Administrators: read and publish process definitions. */
const definitions = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx) {
    const defs = await getService('definitions').listLatest();
    const registry = getService('registry');
    const kinds: string[] = (strapi.contentType(UIDS.orderFile as any) as any).attributes.kind.enum;
    ctx.body = {
      data: defs.map((d) => ({ key: d.key, version: d.version, name: d.spec.name, spec: d.spec })),
      // What an editor may choose from: job roles and attachment kinds.
      meta: { roles: registry.roles(), roleLabels: registry.roleLabels(), fileKinds: kinds },
    };
  },

  /** Every version of a process, newest first, with how many orders run on each. */
  async versions(ctx) {
    const key = String(ctx.params.key);
    const rows = await strapi.db
      .query(UIDS.definition)
      .findMany({ where: { key }, select: ['version', 'name', 'source', 'createdAt'], orderBy: { version: 'desc' } });
    if (!rows.length) throw notFound('流程不存在');
    const counts = await Promise.all(
      rows.map((r: any) =>
        strapi.db.query(UIDS.order).count({ where: { processKey: key, definitionVersion: r.version } }),
      ),
    );
    const open = await Promise.all(
      rows.map((r: any) =>
        strapi.db
          .query(UIDS.order)
          .count({ where: { processKey: key, definitionVersion: r.version, outcome: { $null: true } } }),
      ),
    );
    ctx.body = {
      data: rows.map((r: any, i: number) => ({
        version: r.version,
        name: r.name,
        source: r.source,
        createdAt: r.createdAt,
        orders: counts[i],
        openOrders: open[i],
      })),
    };
  },

  async version(ctx) {
    const d = await getService('definitions').get(String(ctx.params.key), Number(ctx.params.version));
    ctx.body = { data: { key: d.key, version: d.version, name: d.spec.name, spec: d.spec } };
  },

  /** Checks a draft without publishing it: the problems, each at its path in the definition. */
  async validate(ctx) {
    ctx.body = { data: { errors: getService('definitions').validate(ctx.request.body ?? {}) } };
  },

  async publish(ctx) {
    const { created, definition } = await getService('definitions').publish(ctx.request.body ?? {}, 'admin');
    ctx.status = created ? 201 : 200;
    ctx.body = { data: { key: definition.key, version: definition.version, created } };
  },
});

export default definitions;
