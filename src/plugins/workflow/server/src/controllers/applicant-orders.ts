import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { onlyFields, parseListQuery, sendFile, singleFile } from './query';
import { startableBy } from '../engine/spec';

const SUBMISSION_FIELDS = ['processKey', 'channel', 'formData'];

/** Applicants (users-permissions JWT): thin handlers over the engine's services. */
const applicantOrders = (_deps: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => getService('actors').applicant(ctx.state.user);

  return {
    /** The processes this applicant may start (all of them while their account names no type). */
    async processes(ctx) {
      const type = await getService('actors').applicantType(actor(ctx));
      const defs = (await getService('definitions').listLatest()).filter(
        (d) => !type || startableBy(d.spec).includes(type),
      );
      ctx.body = {
        data: defs.map((d) => ({
          key: d.key,
          version: d.version,
          name: d.spec.name,
          description: d.spec.description ?? null,
          applicantType: d.spec.applicantType,
          applicantTypes: startableBy(d.spec),
          form: d.spec.form,
        })),
      };
    },

    async submit(ctx) {
      const body = onlyFields(ctx.request.body, SUBMISSION_FIELDS, '申请信息有误');
      const who = actor(ctx);
      const result = await getService('transitions').start({
        processKey: body.processKey,
        channel: body.channel,
        formData: body.formData,
        actor: who,
        idempotencyKey:
          typeof ctx.get === 'function' && ctx.get('Idempotency-Key')
            ? String(ctx.get('Idempotency-Key')).slice(0, 100)
            : null,
      });
      ctx.status = result.created ? 201 : 200;
      ctx.body = { data: await getService('orders').view(who, result.number, result.submitted) };
    },

    async list(ctx) {
      ctx.body = await getService('orders').list(actor(ctx), parseListQuery(ctx.query, { status: 'all' }));
    },

    async view(ctx) {
      ctx.body = { data: await getService('orders').view(actor(ctx), String(ctx.params.number)) };
    },

    async act(ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await getService('transitions').perform({
          number: String(ctx.params.number),
          action: String(ctx.params.action),
          version: body.version,
          form: body.form,
          actor: actor(ctx),
        }),
      };
    },

    async withdraw(ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await getService('transitions').perform({
          number: String(ctx.params.number),
          action: 'withdraw',
          version: body.version,
          form: {},
          actor: actor(ctx),
        }),
      };
    },

    async urge(ctx) {
      ctx.body = { data: await getService('transitions').urge(actor(ctx), String(ctx.params.number)) };
    },

    async download(ctx) {
      sendFile(ctx, await getService('files').open(actor(ctx), String(ctx.params.number), Number(ctx.params.fileId)));
    },

    async upload(ctx) {
      const body = ctx.request.body ?? {};
      ctx.status = 201;
      ctx.body = {
        data: await getService('files').attach(actor(ctx), String(ctx.params.number), {
          kind: body.kind,
          name: body.name,
          file: singleFile(ctx),
        }),
      };
    },
  };
};

export default applicantOrders;
