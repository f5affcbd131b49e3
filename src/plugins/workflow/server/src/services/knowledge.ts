import type { Core } from '@strapi/strapi';
import { kept } from '../kept';
import { stepMeta, type Notification } from '../engine/spec';
import type { Actor } from './registry';
import { getService } from '../utils';
import { uidOf } from '../domain';

const ARTICLE = () => uidOf('knowledgeArticle');

export type EnteringOrder = {
  id: number;
  number: string;
  processKey: string;
  definitionVersion: number;
  category?: string | null;
};

/** Articles that apply to an order: of its process (or any), its category (or any). */
const forOrder = (order: { processKey: string; category?: string | null }) => ({
  active: true,
  $and: [
    { $or: [{ processKey: order.processKey }, { processKey: { $null: true } }, { processKey: '' }] },
    { $or: [{ category: order.category ?? '' }, { category: { $null: true } }, { category: '' }] },
  ],
});

/**
 * The knowledge base: when an order enters a step that articles are tagged with, the applicant and
 * the assignee get a message naming them; applicants can read the articles of their order.
 */
const knowledge = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every step entered asks which articles are tagged with it: the tags of all active articles are few.
  const tags = kept(strapi, [ARTICLE()], () =>
    strapi.db.query(ARTICLE()).findMany({
      where: { active: true, step: { $notNull: true } },
      select: ['id', 'title', 'audience', 'processKey', 'category', 'step'],
      orderBy: { id: 'asc' },
    }),
  );
  const taggedArticles = () => tags.get(null);
  const applies = (value: string | null | undefined, wanted: string | null | undefined) =>
    !value || value === (wanted ?? '');

  return {
    /** Call inside the transaction that moved the order into `step`. */
    async onEnter(order: EnteringOrder, step: string, historyEventId: number | null) {
      let written = 0;
      for (const { notification, payload } of await this.notificationsFor(order, step)) {
        written += await getService('outbox').enqueue(order.id, historyEventId, [notification], payload);
      }
      return written;
    },

    /** The notifications of `onEnter`, with their payloads, not written yet. */
    async notificationsFor(
      order: EnteringOrder,
      step: string,
    ): Promise<Array<{ notification: Notification; payload: Record<string, unknown> }>> {
      const articles = (await taggedArticles()).filter(
        (a) => a.step === step && applies(a.processKey, order.processKey) && applies(a.category, order.category),
      );
      if (!articles.length) return [];
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const stepLabel = stepMeta(def.nodes, step)?.label ?? step;
      const forWhom = (who: string[]) =>
        articles.filter((a: any) => who.includes(a.audience ?? 'both')).map((a: any) => ({ id: a.id, title: a.title }));
      return (
        [
          ['applicant', forWhom(['applicant', 'both'])],
          ['assignee', forWhom(['staff', 'both'])],
        ] as const
      )
        .filter(([, list]) => list.length > 0)
        .map(([to, list]) => ({
          notification: { to, template: 'knowledge', channels: ['message'] },
          payload: { number: order.number, step, stepLabel, articles: list },
        }));
    },

    /** The articles for an applicant's order: those of its current step first. */
    async listForOrder(actor: Actor, number: string) {
      const order = await getService('scope').loadVisible(actor, number);
      const audience = actor.kind === 'applicant' ? ['applicant', 'both'] : ['staff', 'both'];
      const rows = await strapi.db.query(ARTICLE()).findMany({
        where: { ...forOrder(order), audience: { $in: audience } },
        select: ['id', 'title', 'body', 'step', 'category', 'updatedAt'],
        orderBy: { id: 'asc' },
      });
      const current = (a: any) => (a.step === order.currentStep ? 0 : 1);
      return rows
        .sort((a: any, b: any) => current(a) - current(b))
        .map((a: any) => ({
          id: a.id,
          title: a.title,
          body: a.body,
          step: a.step ?? null,
          current: a.step === order.currentStep,
        }));
    },
  };
};

export default knowledge;
