import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: business rules and trying them on an order. */
export interface BusinessRule {
  id?: number;
  name: string;
  processKey: string;
  purpose: 'pre-review' | 'category' | 'dispatch';
  priority: number;
  conditions: { all?: any[]; any?: any[] };
  event: { type: string; params: Record<string, string> };
  active: boolean;
}

export interface PreviewResult {
  facts: Record<string, unknown>;
  results: Array<{
    name: string;
    purpose: string;
    fired: boolean;
    event?: { type: string; params: Record<string, string> } | null;
    problems?: Array<{ path: string[]; message: string }>;
  }>;
}

export const listRules = async () =>
  (await getFetchClient().get<{ data: BusinessRule[]; meta: { operators: string[] } }>('/workflow/rules')).data;

export const saveRule = async (rule: BusinessRule) =>
  (rule.id
    ? await getFetchClient().put(`/workflow/rules/${rule.id}`, rule)
    : await getFetchClient().post('/workflow/rules', rule)
  ).data;

export const previewRules = async (number: string, rules?: BusinessRule[]) =>
  (await getFetchClient().post<{ data: PreviewResult }>('/workflow/rules/preview', { number, rules })).data.data;
