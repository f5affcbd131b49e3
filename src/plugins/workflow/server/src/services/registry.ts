import type { Core } from '@strapi/strapi';
import type { GuardFn, Facts } from '../engine/machine';

export interface Actor {
  kind: 'applicant' | 'staff' | 'system';
  id: number | null;
  name: string;
  /** Job roles (staff), ['applicant'] or ['system']. */
  roles: string[];
  /** Staff: the staff profile's organization; super administrators have none and see all. */
  organizationId?: number | null;
  staffId?: number | null;
  superAdmin?: boolean;
}

export interface EffectContext {
  strapi: Core.Strapi;
  order: Record<string, any>;
  form: Record<string, unknown>;
  actor: Actor;
  at: Date;
  params?: Record<string, unknown>;
  facts: Facts;
  /** Columns of the order to change in the same transaction (flags, organization, form data). */
  patch: Record<string, unknown>;
  /** Before/after pairs that go into the history event. */
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface FileKind {
  exts: string[];
  maxBytes: number;
}

export type EffectFn = (ctx: EffectContext) => Promise<void> | void;

/** Facts a guard may read, gathered asynchronously before the pure transition (rules results, counts). */
export type FactsProvider = (args: {
  strapi: Core.Strapi;
  order: Record<string, any>;
  event?: string;
  form?: Record<string, unknown>;
}) => Promise<Facts>;

/** What a notification says in the in-app message list; payload values are the order's number, step, reason… */
export type MessageText = (payload: Record<string, any>) => { title: string; body: string };

/**
 * Guards and effects are code the app registers by name; definitions (data) only name them. The
 * database never holds code, and a definition naming an unregistered guard or effect fails validation.
 */
const registry = (_deps: { strapi: Core.Strapi }) => {
  const guards: Record<string, GuardFn> = {};
  const effects: Record<string, EffectFn> = {};
  const factsProviders: FactsProvider[] = [];
  const roles = new Set<string>();
  const fileKinds: Record<string, FileKind> = {};
  const messages: Record<string, MessageText> = {};
  const roleLabels: Record<string, string> = {};
  let ruleFacts: FactsProvider = async ({ order, form }) => ({
    ...(order.formData ?? {}),
    ...(form ?? {}),
    category: order.category ?? null,
  });
  return {
    /** The facts business rules test for an order (the rules page's "try on an order" uses them). */
    registerRuleFacts(fn: FactsProvider) {
      ruleFacts = fn;
    },
    ruleFacts: (args: Parameters<FactsProvider>[0]) => ruleFacts(args),
    /** The wording of in-app messages per notification template (SMS and WeChat wording lives with the provider). */
    registerMessages(texts: Record<string, MessageText>) {
      Object.assign(messages, texts);
    },
    message(template: string, payload: Record<string, any>) {
      const text = messages[template];
      return text
        ? text(payload)
        : {
            title: `工单${payload.number ?? ''}有新进展`,
            body: payload.stepLabel ? `当前环节：${payload.stepLabel}` : '',
          };
    },
    /** Per attachment kind: the content types (file-type extensions) and size it may have. */
    registerFileKinds(kinds: Record<string, FileKind>) {
      Object.assign(fileKinds, kinds);
    },
    fileKind: (kind: string): FileKind | undefined => fileKinds[kind],
    /** Job roles steps may name (besides the applicant and the system), with the names people read. */
    registerRoles(names: string[] | Record<string, string>) {
      const entries = Array.isArray(names) ? names.map((n) => [n, n]) : Object.entries(names);
      entries.forEach(([key, label]) => {
        roles.add(key);
        roleLabels[key] = label;
      });
    },
    roles: () => [...roles],
    roleLabels: () => ({ ...roleLabels }),
    registerGuard(name: string, fn: GuardFn) {
      guards[name] = fn;
    },
    registerEffect(name: string, fn: EffectFn) {
      effects[name] = fn;
    },
    registerFacts(fn: FactsProvider) {
      factsProviders.push(fn);
    },
    guards: () => guards,
    effect: (name: string) => effects[name],
    hasGuard: (name: string) => name in guards,
    hasEffect: (name: string) => name in effects,
    async facts(args: Parameters<FactsProvider>[0]): Promise<Facts> {
      const parts = await Promise.all(factsProviders.map((p) => p(args)));
      return Object.assign({}, ...parts);
    },
  };
};

export default registry;
