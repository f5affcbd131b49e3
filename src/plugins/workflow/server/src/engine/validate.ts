import type { FieldProblem } from '../errors';
import { APPLICANT_ROLE, SYSTEM_ROLE } from '../constants';
import {
  actionType,
  APPLICANT_TYPES,
  asTransitions,
  type Notification,
  type ProcessSpec,
  type StateConfig,
  type TransitionConfig,
} from './spec';

const FIELD_TYPES = new Set([
  'text',
  'textarea',
  'mobile',
  'credit-code',
  'id-number',
  'area',
  'select',
  'number',
  'integer',
  'staff',
  'image',
]);

export interface ValidationEnv {
  roles: string[];
  hasGuard: (name: string) => boolean;
  hasEffect: (name: string) => boolean;
  artifactKinds: string[];
}

/**
 * Checks a definition before it is stored: names it uses must exist, every step must be reachable and
 * have a way out, every step and action a label. Problems say where (a dotted path into the file).
 */
export const validateSpec = (spec: ProcessSpec, env: ValidationEnv): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path: path.split('.'), message });
  if (!spec || typeof spec !== 'object') return [{ path: [], message: '流程定义应为对象' }];
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(spec.key ?? '')) add('key', '流程标识应为小写字母、数字和连字符');
  if (!spec.name) add('name', '缺少流程名称');
  const types = Object.keys(APPLICANT_TYPES);
  if (!types.includes(spec.applicantType)) add('applicantType', `申请人类型应为：${types.join('、')}`);
  const startable = spec.applicantTypes;
  if (
    startable !== undefined &&
    !(Array.isArray(startable) && startable.length && startable.every((t) => types.includes(t)))
  ) {
    add('applicantTypes', `可申请的申请人类型应为以下一项或几项：${types.join('、')}`);
  }
  if (!spec.machine?.states || typeof spec.machine.states !== 'object') {
    add('machine.states', '缺少状态定义');
    return problems;
  }
  const roles = new Set([...env.roles, APPLICANT_ROLE, SYSTEM_ROLE]);
  const kinds = new Set(env.artifactKinds);

  const checkForm = (form: any, path: string) => {
    if (!form) return;
    if (!Array.isArray(form.fields)) return add(`${path}.fields`, '表单应有字段列表');
    form.fields.forEach((f: any, i: number) => {
      if (!f?.name) add(`${path}.fields.${i}.name`, '字段缺少名称');
      if (!f?.label) add(`${path}.fields.${i}.label`, '字段缺少标签');
      if (!FIELD_TYPES.has(f?.type)) add(`${path}.fields.${i}.type`, `未知的字段类型：${f?.type}`);
    });
  };
  checkForm(spec.form, 'form');
  const correctors = spec.corrections?.roles;
  if (spec.corrections !== undefined && !Array.isArray(correctors))
    add('corrections.roles', '更正申请信息的角色应为列表');
  (correctors ?? []).forEach((r, i) => env.roles.includes(r) || add(`corrections.roles.${i}`, `未知的角色：${r}`));

  // Keys and ids, for target resolution and uniqueness.
  const keys = new Map<string, string>();
  const ids = new Set<string>();
  const walkIndex = (states: Record<string, StateConfig>, path: string) => {
    for (const [key, s] of Object.entries(states)) {
      const here = `${path}.${key}`;
      if (keys.has(key)) add(here, `状态标识“${key}”重复（已在 ${keys.get(key)}）`);
      keys.set(key, here);
      if (s.id) ids.add(s.id);
      if (s.states) walkIndex(s.states, `${here}.states`);
    }
  };
  walkIndex(spec.machine.states, 'machine.states');
  if (!spec.machine.initial || !spec.machine.states[spec.machine.initial]) add('machine.initial', '初始状态不存在');

  const targetExists = (target: string) => (target.startsWith('#') ? ids.has(target.slice(1)) : keys.has(target));
  const edges = new Map<string, string[]>();
  const link = (from: string, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);

  const AUDIENCES = ['applicant', 'assignee', 'managers', 'executives'];
  const CHANNELS = ['sms', 'message', 'wechat'];
  const checkNotify = (list: Notification[] | undefined, path: string) =>
    (list ?? []).forEach((n, i) => {
      if (!AUDIENCES.includes(n.to)) add(`${path}.${i}.to`, `通知对象应为：${AUDIENCES.join('、')}`);
      if (!n.template || !/^[a-z0-9-]+$/.test(n.template))
        add(`${path}.${i}.template`, '通知模板名称应为小写字母、数字和连字符');
      (n.channels ?? []).forEach(
        (c, j) => CHANNELS.includes(c) || add(`${path}.${i}.channels.${j}`, `通知渠道应为：${CHANNELS.join('、')}`),
      );
    });

  const checkTransition = (t: TransitionConfig, path: string, from: string) => {
    if (t.target !== undefined) {
      if (!targetExists(t.target)) add(`${path}.target`, `目标状态“${t.target}”不存在`);
      else
        link(
          from,
          t.target.startsWith('#') ? ([...keys.keys()].find((k) => idOf(k) === t.target!.slice(1)) ?? '') : t.target,
        );
    }
    const g = t.guard;
    if (typeof g === 'string' && !env.hasGuard(g)) add(`${path}.guard`, `未注册的条件：${g}`);
    if (g && typeof g === 'object') {
      if (g.type !== 'inState' && !env.hasGuard(g.type)) add(`${path}.guard`, `未注册的条件：${g.type}`);
      if (g.type === 'inState' && !targetExists(String(g.params?.state ?? '')))
        add(`${path}.guard.params.state`, `状态“${g.params?.state}”不存在`);
    }
    (t.actions ?? []).forEach((a, i) => {
      if (!env.hasEffect(actionType(a))) add(`${path}.actions.${i}`, `未注册的动作：${actionType(a)}`);
    });
    (t.meta?.roles ?? []).forEach((r, i) => roles.has(r) || add(`${path}.meta.roles.${i}`, `未知的角色：${r}`));
    (t.meta?.artifacts ?? []).forEach((a, i) => {
      if (!kinds.has(a.kind)) add(`${path}.meta.artifacts.${i}.kind`, `未知的附件类型：${a.kind}`);
      if (!(a.min >= 1)) add(`${path}.meta.artifacts.${i}.min`, '最少数量应不小于1');
    });
    checkForm(t.meta?.form, `${path}.meta.form`);
    checkNotify(t.meta?.notify, `${path}.meta.notify`);
  };

  const idByKey = new Map<string, string>();
  const labelByKey = new Map<string, string>();
  const idOf = (key: string) => idByKey.get(key);
  const walkIds = (states: Record<string, StateConfig>) => {
    for (const [key, s] of Object.entries(states)) {
      if (s.id) idByKey.set(key, s.id);
      if (s.meta?.label) labelByKey.set(key, s.meta.label);
      if (s.states) walkIds(s.states);
    }
  };
  walkIds(spec.machine.states);

  const walk = (states: Record<string, StateConfig>, path: string) => {
    for (const [key, s] of Object.entries(states)) {
      const here = `${path}.${key}`;
      const isLeaf = !s.states;
      const transient = !!s.always && !s.on && !s.meta;
      if (s.states) {
        if (s.type !== 'parallel' && (!s.initial || !s.states[s.initial]))
          add(`${here}.initial`, '复合状态缺少有效的初始子状态');
        for (const child of Object.keys(s.states)) if (s.type === 'parallel' || child === s.initial) link(key, child);
        walk(s.states, `${here}.states`);
      }
      if (isLeaf && !transient && !s.meta?.label) add(`${here}.meta.label`, '步骤缺少中文名称');
      (s.meta?.roles ?? []).forEach((r, i) => roles.has(r) || add(`${here}.meta.roles.${i}`, `未知的角色：${r}`));
      if (s.meta?.thresholdHours !== undefined && !(s.meta.thresholdHours > 0))
        add(`${here}.meta.thresholdHours`, '时限应大于0小时');
      if (s.meta?.thresholdUnit !== undefined && !['natural', 'working'].includes(s.meta.thresholdUnit))
        add(`${here}.meta.thresholdUnit`, '时限单位应为 natural（自然小时）或 working（工作小时）');
      checkNotify(s.meta?.notify, `${here}.meta.notify`);
      for (const [event, t] of Object.entries(s.on ?? {})) {
        asTransitions(t).forEach((tr, i) => {
          checkTransition(tr, `${here}.on.${event}${Array.isArray(t) ? `.${i}` : ''}`, key);
          if (!tr.meta?.label && !transient) add(`${here}.on.${event}.meta.label`, '操作缺少中文名称');
        });
      }
      asTransitions(s.always).forEach((tr, i) => checkTransition(tr, `${here}.always.${i}`, key));
      if (isLeaf && s.type !== 'final' && !s.meta?.secondary && !s.on && !s.always) add(here, '非终止步骤没有任何出口');
    }
  };
  walk(spec.machine.states, 'machine.states');

  // Reachability from the initial state over targets, initial children and parallel regions.
  const reached = new Set<string>();
  const queue = [spec.machine.initial];
  while (queue.length) {
    const k = queue.shift()!;
    if (!k || reached.has(k)) continue;
    reached.add(k);
    queue.push(...(edges.get(k) ?? []));
    // Entering a child also means its ancestors are active: their transitions apply.
  }
  // Transitions declared on an ancestor apply while any descendant is active.
  const parentOf = new Map<string, string>();
  const walkParents = (states: Record<string, StateConfig>, parent: string | null) => {
    for (const [key, s] of Object.entries(states)) {
      if (parent) parentOf.set(key, parent);
      if (s.states) walkParents(s.states, key);
    }
  };
  walkParents(spec.machine.states, null);
  let grew = true;
  while (grew) {
    grew = false;
    for (const k of [...reached]) {
      for (let p = parentOf.get(k); p; p = parentOf.get(p)) {
        for (const to of edges.get(p) ?? [])
          if (!reached.has(to)) {
            reached.add(to);
            queue.push(to);
            grew = true;
          }
      }
    }
    while (queue.length) {
      const k = queue.shift()!;
      for (const to of edges.get(k) ?? [])
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
          grew = true;
        }
    }
  }
  for (const [kind, step] of Object.entries(spec.applicantFilesFrom ?? {})) {
    if (!kinds.has(kind)) add(`applicantFilesFrom.${kind}`, `未知的附件类型：${kind}`);
    if (!keys.has(step)) add(`applicantFilesFrom.${kind}`, `步骤“${step}”不存在`);
  }
  for (const [key, path] of keys) {
    if (!reached.has(key))
      add(path, labelByKey.has(key) ? `步骤“${labelByKey.get(key)}”（${key}）不可到达` : `步骤“${key}”不可到达`);
  }
  return problems;
};
