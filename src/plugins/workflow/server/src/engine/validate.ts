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

type Add = (path: string, message: string) => void;

/** What the checks of steps and transitions share. */
interface Context {
  env: ValidationEnv;
  add: Add;
  /** Roles steps and actions may name: the app's job roles, the applicant and the system. */
  roles: Set<string>;
  /** Attachment kinds the app knows. */
  kinds: Set<string>;
}

/** The states of a definition, gathered in one walk before they are checked. */
interface StateIndex {
  /** Every state key with the dotted path of its (last) declaration. */
  keys: Map<string, string>;
  ids: Set<string>;
  idByKey: Map<string, string>;
  labelByKey: Map<string, string>;
  parentOf: Map<string, string>;
}

/** Which states a state leads to: its targets, its initial child, its parallel regions. */
type Edges = Map<string, string[]>;

const AUDIENCES = ['applicant', 'assignee', 'managers', 'executives'];
const CHANNELS = ['sms', 'message', 'wechat'];

/**
 * Checks a definition before it is stored: names it uses must exist, every step must be reachable and
 * have a way out, every step and action a label. Problems say where (a dotted path into the file).
 */
export const validateSpec = (spec: ProcessSpec, env: ValidationEnv): FieldProblem[] => {
  if (!spec || typeof spec !== 'object') return [{ path: [], message: '流程定义应为对象' }];
  const problems: FieldProblem[] = [];
  const add: Add = (path, message) => problems.push({ path: path.split('.'), message });
  validateProcess(spec, add);
  if (!spec.machine?.states || typeof spec.machine.states !== 'object') {
    add('machine.states', '缺少状态定义');
    return problems;
  }
  const ctx: Context = {
    env,
    add,
    roles: new Set([...env.roles, APPLICANT_ROLE, SYSTEM_ROLE]),
    kinds: new Set(env.artifactKinds),
  };
  shaped(add, 'form', () => validateForm(add, spec.form, 'form'));
  shaped(add, 'corrections', () => validateCorrections(spec, env, add));
  shaped(add, 'machine.states', () => {
    const index = indexStates(spec.machine.states, add);
    if (!spec.machine.initial || !spec.machine.states[spec.machine.initial]) add('machine.initial', '初始状态不存在');
    const edges = validateSteps(ctx, index, spec.machine.states);
    const reached = reachableSteps(spec.machine.initial, edges, index.parentOf);
    validateApplicantFiles(spec, ctx, index);
    validateReachability(add, index, reached);
  });
  return problems;
};

/**
 * A check that meets a value of the wrong shape (a text where a list belongs, a missing object) reports
 * the part it was checking as malformed, instead of failing the request.
 */
const shaped = (add: Add, path: string, check: () => void) => {
  try {
    check();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    add(path, '格式不正确，请对照流程定义说明检查');
  }
};

/** The process's own fields: key, name, who may apply. */
const validateProcess = (spec: ProcessSpec, add: Add) => {
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
};

/** A form (the application's or an action's): a field list, each field named, labelled and of a known type. */
const validateForm = (add: Add, form: any, path: string) => {
  if (!form) return;
  if (!Array.isArray(form.fields)) return add(`${path}.fields`, '表单应有字段列表');
  form.fields.forEach((f: any, i: number) => {
    if (!f?.name) add(`${path}.fields.${i}.name`, '字段缺少名称');
    if (!f?.label) add(`${path}.fields.${i}.label`, '字段缺少标签');
    if (!FIELD_TYPES.has(f?.type)) add(`${path}.fields.${i}.type`, `未知的字段类型：${f?.type}`);
  });
};

/** Who may correct an application: a list of the app's job roles. */
const validateCorrections = (spec: ProcessSpec, env: ValidationEnv, add: Add) => {
  const correctors = spec.corrections?.roles;
  if (spec.corrections !== undefined && !Array.isArray(correctors))
    add('corrections.roles', '更正申请信息的角色应为列表');
  (correctors ?? []).forEach((r, i) => env.roles.includes(r) || add(`corrections.roles.${i}`, `未知的角色：${r}`));
};

/** Keys, ids, labels and parents of every state, for target resolution; a key used twice is a problem. */
const indexStates = (states: Record<string, StateConfig>, add: Add): StateIndex => {
  const index: StateIndex = {
    keys: new Map(),
    ids: new Set(),
    idByKey: new Map(),
    labelByKey: new Map(),
    parentOf: new Map(),
  };
  const walk = (level: Record<string, StateConfig>, path: string, parent: string | null) => {
    for (const [key, s] of Object.entries(level)) {
      const here = `${path}.${key}`;
      if (index.keys.has(key)) add(here, `状态标识“${key}”重复（已在 ${index.keys.get(key)}）`);
      index.keys.set(key, here);
      if (s.id) {
        index.ids.add(s.id);
        index.idByKey.set(key, s.id);
      }
      if (s.meta?.label) index.labelByKey.set(key, s.meta.label);
      if (parent) index.parentOf.set(key, parent);
      if (s.states) walk(s.states, `${here}.states`, key);
    }
  };
  walk(states, 'machine.states', null);
  return index;
};

const targetExists = (index: StateIndex, target: string) =>
  target.startsWith('#') ? index.ids.has(target.slice(1)) : index.keys.has(target);

/** The key of the state a target names (`#id` or a key). */
const targetKey = (index: StateIndex, target: string) =>
  target.startsWith('#')
    ? ([...index.keys.keys()].find((k) => index.idByKey.get(k) === target.slice(1)) ?? '')
    : target;

const link = (edges: Edges, from: string, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);

/** A state that only passes on (`always`, no events, no meta) needs no label. */
const isTransient = (s: StateConfig) => !!s.always && !s.on && !s.meta;

/** Every state, depth first (children before their parent's own checks); answers the edges between them. */
const validateSteps = (ctx: Context, index: StateIndex, states: Record<string, StateConfig>): Edges => {
  const edges: Edges = new Map();
  const walk = (level: Record<string, StateConfig>, path: string) => {
    for (const [key, s] of Object.entries(level)) {
      const here = `${path}.${key}`;
      if (s.states) {
        if (s.type !== 'parallel' && (!s.initial || !s.states[s.initial]))
          ctx.add(`${here}.initial`, '复合状态缺少有效的初始子状态');
        for (const child of Object.keys(s.states))
          if (s.type === 'parallel' || child === s.initial) link(edges, key, child);
        walk(s.states, `${here}.states`);
      }
      validateStepMeta(ctx, s, here);
      validateStepTransitions(ctx, index, edges, key, s, here);
    }
  };
  walk(states, 'machine.states');
  return edges;
};

/** A step's label, roles, time limit and notifications. */
const validateStepMeta = (ctx: Context, s: StateConfig, here: string) => {
  const { add, roles } = ctx;
  if (!s.states && !isTransient(s) && !s.meta?.label) add(`${here}.meta.label`, '步骤缺少中文名称');
  (s.meta?.roles ?? []).forEach((r, i) => roles.has(r) || add(`${here}.meta.roles.${i}`, `未知的角色：${r}`));
  if (s.meta?.thresholdHours !== undefined && !(s.meta.thresholdHours > 0))
    add(`${here}.meta.thresholdHours`, '时限应大于0小时');
  if (s.meta?.thresholdUnit !== undefined && !['natural', 'working'].includes(s.meta.thresholdUnit))
    add(`${here}.meta.thresholdUnit`, '时限单位应为 natural（自然小时）或 working（工作小时）');
  validateNotify(add, s.meta?.notify, `${here}.meta.notify`);
};

/** A step's events and `always` transitions, and that a step which is not final has a way out. */
const validateStepTransitions = (
  ctx: Context,
  index: StateIndex,
  edges: Edges,
  key: string,
  s: StateConfig,
  here: string,
) => {
  const transient = isTransient(s);
  for (const [event, t] of Object.entries(s.on ?? {})) {
    asTransitions(t).forEach((tr, i) => {
      validateTransition(ctx, index, edges, tr, `${here}.on.${event}${Array.isArray(t) ? `.${i}` : ''}`, key);
      if (!tr.meta?.label && !transient) ctx.add(`${here}.on.${event}.meta.label`, '操作缺少中文名称');
    });
  }
  asTransitions(s.always).forEach((tr, i) => validateTransition(ctx, index, edges, tr, `${here}.always.${i}`, key));
  if (!s.states && s.type !== 'final' && !s.meta?.secondary && !s.on && !s.always)
    ctx.add(here, '非终止步骤没有任何出口');
};

/** One transition: its target (linked into the edges), guard, actions, roles, attachments, form, notifications. */
const validateTransition = (
  ctx: Context,
  index: StateIndex,
  edges: Edges,
  t: TransitionConfig,
  path: string,
  from: string,
) => {
  const { env, add, roles, kinds } = ctx;
  if (t.target !== undefined) {
    if (!targetExists(index, t.target)) add(`${path}.target`, `目标状态“${t.target}”不存在`);
    else link(edges, from, targetKey(index, t.target));
  }
  validateGuard(ctx, index, t, path);
  (t.actions ?? []).forEach((a, i) => {
    if (!env.hasEffect(actionType(a))) add(`${path}.actions.${i}`, `未注册的动作：${actionType(a)}`);
  });
  (t.meta?.roles ?? []).forEach((r, i) => roles.has(r) || add(`${path}.meta.roles.${i}`, `未知的角色：${r}`));
  (t.meta?.artifacts ?? []).forEach((a, i) => {
    if (!kinds.has(a.kind)) add(`${path}.meta.artifacts.${i}.kind`, `未知的附件类型：${a.kind}`);
    if (!(a.min >= 1)) add(`${path}.meta.artifacts.${i}.min`, '最少数量应不小于1');
  });
  validateForm(add, t.meta?.form, `${path}.meta.form`);
  validateNotify(add, t.meta?.notify, `${path}.meta.notify`);
};

/** A registered guard, or the built-in `inState` naming an existing state. */
const validateGuard = (ctx: Context, index: StateIndex, t: TransitionConfig, path: string) => {
  const g = t.guard;
  if (typeof g === 'string' && !ctx.env.hasGuard(g)) ctx.add(`${path}.guard`, `未注册的条件：${g}`);
  if (g && typeof g === 'object') {
    if (g.type !== 'inState' && !ctx.env.hasGuard(g.type)) ctx.add(`${path}.guard`, `未注册的条件：${g.type}`);
    if (g.type === 'inState' && !targetExists(index, String(g.params?.state ?? '')))
      ctx.add(`${path}.guard.params.state`, `状态“${g.params?.state}”不存在`);
  }
};

/** Notifications: a known audience, a template name, known channels. */
const validateNotify = (add: Add, list: Notification[] | undefined, path: string) =>
  (list ?? []).forEach((n, i) => {
    if (!AUDIENCES.includes(n.to)) add(`${path}.${i}.to`, `通知对象应为：${AUDIENCES.join('、')}`);
    if (!n.template || !/^[a-z0-9-]+$/.test(n.template))
      add(`${path}.${i}.template`, '通知模板名称应为小写字母、数字和连字符');
    (n.channels ?? []).forEach(
      (c, j) => CHANNELS.includes(c) || add(`${path}.${i}.channels.${j}`, `通知渠道应为：${CHANNELS.join('、')}`),
    );
  });

/**
 * The states reachable from the initial state over targets, initial children and parallel regions.
 * Transitions declared on an ancestor apply while any descendant is active.
 */
const reachableSteps = (initial: string, edges: Edges, parentOf: Map<string, string>): Set<string> => {
  const reached = new Set<string>();
  const queue = [initial];
  while (queue.length) {
    const k = queue.shift()!;
    if (!k || reached.has(k)) continue;
    reached.add(k);
    queue.push(...(edges.get(k) ?? []));
  }
  const reach = (to: string) => {
    if (reached.has(to)) return false;
    reached.add(to);
    queue.push(to);
    return true;
  };
  let grew = true;
  while (grew) {
    grew = false;
    for (const k of [...reached]) {
      for (let p = parentOf.get(k); p; p = parentOf.get(p)) {
        for (const to of edges.get(p) ?? []) if (reach(to)) grew = true;
      }
    }
    while (queue.length) {
      const k = queue.shift()!;
      for (const to of edges.get(k) ?? []) if (reach(to)) grew = true;
    }
  }
  return reached;
};

/** Attachment kinds shown to the applicant from a step on: known kinds, existing steps. */
const validateApplicantFiles = (spec: ProcessSpec, ctx: Context, index: StateIndex) => {
  for (const [kind, step] of Object.entries(spec.applicantFilesFrom ?? {})) {
    if (!ctx.kinds.has(kind)) ctx.add(`applicantFilesFrom.${kind}`, `未知的附件类型：${kind}`);
    if (!index.keys.has(step)) ctx.add(`applicantFilesFrom.${kind}`, `步骤“${step}”不存在`);
  }
};

/** Every state the walk from the initial state did not reach, by label where it has one. */
const validateReachability = (add: Add, index: StateIndex, reached: Set<string>) => {
  for (const [key, path] of index.keys) {
    if (!reached.has(key)) {
      const label = index.labelByKey.get(key);
      add(path, index.labelByKey.has(key) ? `步骤“${label}”（${key}）不可到达` : `步骤“${key}”不可到达`);
    }
  }
};
