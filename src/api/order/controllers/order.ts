import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const MAX_PAGE_SIZE = 100;

/** What an applicant sees of an order: never internal ids of staff or the lock version's meaning. */
const present = (order: any) => ({
  documentId: order.documentId,
  number: order.number,
  processKey: order.processKey,
  applicantType: order.applicantType,
  category: order.category,
  channel: order.channel,
  title: order.title,
  formData: order.formData,
  currentStep: order.currentStep,
  stepEnteredAt: order.stepEnteredAt,
  version: order.lockVersion,
  outcome: order.outcome ?? null,
  closedAt: order.closedAt ?? null,
  createdAt: order.createdAt,
});

const positiveInt = (value: unknown, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(ctx) {
    const body = ctx.request.body ?? {};
    const order = await strapi.service('api::order.order').submit({
      processKey: body.processKey,
      channel: body.channel,
      formData: body.formData,
      applicantId: ctx.state.user.id,
    });
    ctx.status = 201;
    ctx.body = { data: present(order) };
  },

  async mine(ctx) {
    const page = positiveInt(ctx.query.page, 1);
    const pageSize = Math.min(positiveInt(ctx.query.pageSize, 20), MAX_PAGE_SIZE);
    const { results, pagination } = await strapi.service('api::order.order').listForApplicant(ctx.state.user.id, page, pageSize);
    ctx.body = { data: results.map(present), meta: { pagination } };
  },

  async findMine(ctx) {
    const order = await strapi.service('api::order.order').findForApplicant(ctx.state.user.id, String(ctx.params.number));
    if (!order) throw new errors.NotFoundError('工单不存在');
    ctx.body = { data: present(order) };
  },
});
