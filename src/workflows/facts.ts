import type { Core } from '@strapi/strapi';

const ENERGY = 'energy-service';
/** Kinds an applicant attaches to describe an energy need. */
const DESCRIPTIVE_KINDS = ['site-photo', 'video', 'other'];
/** Only these events need the rules' verdicts (they run the pre-review again). */
const RULE_EVENTS = new Set(['submit', 'resubmit']);

const firstParam = (events: Array<{ params: Record<string, string> }>, name: string) => events[0]?.params[name] ?? null;

/**
 * Facts for the energy process's rules: pre-review failures, the suggested category and where the
 * order is dispatched. Computed before the pure transition, from the form being submitted.
 */
/** What rules may test about an order: its form, description, category and descriptive attachments. */
export const ruleFacts = async ({
  strapi,
  order,
  form,
}: {
  strapi: Core.Strapi;
  order: any;
  form?: Record<string, unknown>;
}) => {
  const data = { ...(order.formData ?? {}), ...(form ?? {}) } as Record<string, unknown>;
  const attachmentCount = order.id
    ? await strapi.db
        .query('api::order-file.order-file')
        .count({ where: { order: { id: order.id }, kind: { $in: DESCRIPTIVE_KINDS } } })
    : 0;
  return {
    ...data,
    description: String(data.description ?? ''),
    category: (data.category as string) || order.category || null,
    attachmentCount,
  } as Record<string, unknown>;
};

export const energyFacts = async ({
  strapi,
  order,
  event,
  form,
}: {
  strapi: Core.Strapi;
  order: any;
  event?: string;
  form?: Record<string, unknown>;
}) => {
  if (order.processKey !== ENERGY || (event && !RULE_EVENTS.has(event))) return {};
  const rules = strapi.plugin('workflow').service('rules');
  const base = await ruleFacts({ strapi, order: { ...order, category: null }, form });
  const description = String(base.description);
  const suggestedCategory = firstParam(await rules.evaluate(ENERGY, 'category', { description }), 'category');
  const category = (base.category as string) || suggestedCategory;
  const facts = { ...base, category };
  const failures = await rules.evaluate(ENERGY, 'pre-review', facts);
  const dispatch = await rules.evaluate(ENERGY, 'dispatch', facts);
  return {
    suggestedCategory,
    preReview: { passed: failures.length === 0, reasons: failures.map((f: any) => f.params.reason) },
    dispatch: dispatch[0]
      ? { organization: dispatch[0].params.organization, planType: dispatch[0].params.planType ?? null }
      : null,
  };
};
