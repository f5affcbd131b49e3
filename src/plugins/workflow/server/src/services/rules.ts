import type { Core } from '@strapi/strapi';
import { Engine, Rule } from 'json-rules-engine';
import { SCOPE_POPULATE, UIDS } from '../constants';
import type { Actor } from './registry';
import { badRequest, notFound, type FieldProblem } from '../errors';
import { getService } from '../utils';

export type RulePurpose = 'pre-review' | 'category' | 'dispatch';

const BUILT_IN_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];

/** Text operators the rules need that json-rules-engine lacks. */
const CUSTOM_OPERATORS: Record<string, (fact: any, value: any) => boolean> = {
  containsAny: (fact, value) =>
    typeof fact === 'string' && Array.isArray(value) && value.some((v) => fact.includes(String(v))),
  isBlank: (fact, value) => (fact === undefined || fact === null || String(fact).trim() === '') === Boolean(value),
  shorterThan: (fact, value) => String(fact ?? '').trim().length < Number(value),
};
export const OPERATORS = [...BUILT_IN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)];

/** What each purpose's rule must fire. */
const EVENT_PARAMS: Record<RulePurpose, { type: string; params: string[] }> = {
  'pre-review': { type: 'fail', params: ['reason'] },
  category: { type: 'category', params: ['category'] },
  dispatch: { type: 'dispatch', params: ['organization'] },
};

export const validateRule = (rule: { purpose?: unknown; conditions?: unknown; event?: any }): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const expected = EVENT_PARAMS[rule.purpose as RulePurpose];
  if (!expected) problems.push({ path: ['purpose'], message: `规则用途应为：${Object.keys(EVENT_PARAMS).join('、')}` });
  try {
    new Rule({ conditions: rule.conditions as any, event: rule.event ?? { type: 'x' } });
  } catch (error: any) {
    problems.push({ path: ['conditions'], message: `条件格式错误：${error.message}` });
  }
  const walk = (node: any, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    for (const key of ['all', 'any'])
      if (Array.isArray(node[key])) node[key].forEach((c: any, i: number) => walk(c, [...path, key, String(i)]));
    if (node.not) walk(node.not, [...path, 'not']);
    if ('fact' in node) {
      if (typeof node.fact !== 'string' || !node.fact)
        problems.push({ path: [...path, 'fact'], message: '条件缺少事实名称' });
      if (!OPERATORS.includes(node.operator))
        problems.push({ path: [...path, 'operator'], message: `未知的运算符：${node.operator}` });
      if (!('value' in node)) problems.push({ path: [...path, 'value'], message: '条件缺少比较值' });
    }
  };
  walk(rule.conditions, ['conditions']);
  if (expected) {
    if (rule.event?.type !== expected.type)
      problems.push({ path: ['event', 'type'], message: `此用途的规则事件类型应为“${expected.type}”` });
    for (const p of expected.params) {
      if (typeof rule.event?.params?.[p] !== 'string' || !rule.event.params[p])
        problems.push({ path: ['event', 'params', p], message: `缺少事件参数“${p}”` });
    }
  }
  return problems;
};

/** Editable business rules (data, json-rules-engine): pre-review completeness, category suggestion, dispatch. */
const rules = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The events of every active rule of a purpose whose conditions hold, highest priority first. */
  async evaluate(processKey: string, purpose: RulePurpose, facts: Record<string, unknown>) {
    const rows = await strapi.db
      .query(UIDS.rule)
      .findMany({ where: { processKey, purpose, active: true }, orderBy: [{ priority: 'desc' }, { id: 'asc' }] });
    if (rows.length === 0) return [];
    const engine = new Engine([], { allowUndefinedFacts: true });
    for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
    rows.forEach((r: any) =>
      engine.addRule(new Rule({ conditions: r.conditions, event: r.event, priority: r.priority ?? 1, name: r.name })),
    );
    const { events } = await engine.run(facts);
    // json-rules-engine runs priorities in order; events come back in that order.
    return events.map((e) => ({ type: e.type, params: (e.params ?? {}) as Record<string, string> }));
  },

  async list() {
    return strapi.db
      .query(UIDS.rule)
      .findMany({ orderBy: [{ processKey: 'asc' }, { purpose: 'asc' }, { priority: 'desc' }, { id: 'asc' }] });
  },

  /** Creates or updates a rule; one that cannot run is refused with its problems (the rule's lifecycle checks too). */
  async save(id: number | null, input: Record<string, any>) {
    const data = {
      name: typeof input.name === 'string' ? input.name.trim() : '',
      processKey: input.processKey,
      purpose: input.purpose,
      priority: Number(input.priority ?? 1),
      conditions: input.conditions,
      event: input.event,
      active: input.active !== false,
    };
    const problems = validateRule(data);
    if (!data.name) problems.unshift({ path: ['name'], message: '请填写规则名称' });
    if (!Number.isInteger(data.priority) || data.priority < 1 || data.priority > 100)
      problems.push({ path: ['priority'], message: '优先级应为1–100的整数' });
    if (typeof data.processKey !== 'string' || !data.processKey)
      problems.push({ path: ['processKey'], message: '请选择业务流程' });
    if (problems.length) throw badRequest('规则有误', problems);
    if (id === null) return strapi.db.query(UIDS.rule).create({ data });
    if (!(await strapi.db.query(UIDS.rule).findOne({ where: { id }, select: ['id'] }))) throw notFound();
    return strapi.db.query(UIDS.rule).update({ where: { id }, data });
  },

  /**
   * "Try on an order": the facts the rules would see for the order, and which of the given rules (or
   * the stored active ones of its process) fire on them. Nothing is saved.
   */
  async preview(actor: Actor, number: string, drafts?: Array<Record<string, any>>) {
    const read = (n: string) => strapi.db.query(UIDS.order).findOne({ where: { number: n }, populate: SCOPE_POPULATE });
    const order = await getService('scope').loadVisible(actor, number, { read });
    const facts = await getService('registry').ruleFacts({ strapi, order });
    const candidates = drafts?.length
      ? drafts
      : await strapi.db.query(UIDS.rule).findMany({
          where: { processKey: order.processKey, active: true },
          orderBy: [{ purpose: 'asc' }, { priority: 'desc' }],
        });
    const results = [];
    for (const rule of candidates) {
      const problems = validateRule(rule);
      if (problems.length) {
        results.push({ name: rule.name, purpose: rule.purpose, fired: false, problems });
        continue;
      }
      const engine = new Engine([], { allowUndefinedFacts: true });
      for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
      engine.addRule(new Rule({ conditions: rule.conditions, event: rule.event, name: rule.name }));
      const { events } = await engine.run({ ...facts });
      results.push({ name: rule.name, purpose: rule.purpose, fired: events.length > 0, event: events[0] ?? null });
    }
    return { number, processKey: order.processKey, facts, results };
  },

  /** Adds the rules in a file that are not there yet (by process, purpose and name). */
  async seed(
    list: Array<{
      name: string;
      processKey: string;
      purpose: RulePurpose;
      priority?: number;
      conditions: unknown;
      event: unknown;
    }>,
  ) {
    let created = 0;
    for (const rule of list) {
      const exists = await strapi.db
        .query(UIDS.rule)
        .count({ where: { name: rule.name, processKey: rule.processKey, purpose: rule.purpose } });
      if (exists) continue;
      await strapi.db.query(UIDS.rule).create({ data: { ...rule, active: true } });
      created += 1;
    }
    return created;
  },
});

export default rules;
