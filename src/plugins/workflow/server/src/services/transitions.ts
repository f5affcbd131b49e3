import type { Core } from '@strapi/strapi';
import { randomBytes } from 'node:crypto';
import { APPLICANT_ROLE, EVENTS, LEADER_ROLE, MANAGER_ROLE, SYSTEM_ROLE, UIDS } from '../constants';
import {
  badRequest,
  conflict,
  forbidden,
  inFlight,
  isUniqueViolation,
  tooMany,
  unprocessable,
  type FieldProblem,
} from '../errors';
import { restoreSnapshot, startSnapshot, step as pureStep, type Facts } from '../engine/machine';
import {
  APPLICANT_TYPES,
  candidateEvents,
  primaryStep,
  rolesFor,
  startableBy,
  stepMeta,
  storeValue,
  storedValue,
  type ArtifactRequirement,
  type Notification,
  type StateValue,
  type TransitionConfig,
} from '../engine/spec';
import { chinaDay } from '../engine/calendar';
import type { FormSchema } from '../engine/form';
import { domain } from '../domain';
import type { Actor, EffectContext } from './registry';
import type { LoadedDefinition } from './definitions';
import type { Submitted } from './orders';
import { getService } from '../utils';
import type { WorkflowConfig } from '../config';
import type { OrderWrite } from './order-writes';
import { documentId } from '../document-id';

const EMPTY_FORM: FormSchema = { fields: [] };

const DEADLOCK_ATTEMPTS = 3;

/** Starts of a transition before the caller is told someone acted first (see OrderMoved). */
const MOVED_ATTEMPTS = 3;

/** The order's row no longer holds the version and history the transition was worked out from. */
class OrderMoved extends Error {
  constructor(readonly version: number) {
    super('order moved');
  }
}

export interface Performed {
  number: string;
  version: number;
  currentStep: string;
  stepLabel: string;
  outcome: string | null;
}

/** An order version as the caller sent it: a positive integer, never a string, boolean or list that looks like one. */
export const versionOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : null;

const VERSION_PROBLEM: FieldProblem = { path: ['version'], message: '工单版本号（version）应为正整数' };

const commentOf = (form: Record<string, unknown>) =>
  (form.reason ?? form.comment ?? form.notes ?? form.text ?? null) as string | null;

/** Actions in XState's result that are ours (XState adds its own internal ones). */
const effectsOf = (actions: Array<{ type: string; params?: unknown }>) =>
  actions.filter((a) => !a.type.startsWith('xstate.'));

export interface PerformInput {
  number: string;
  action: string;
  version: unknown;
  form?: unknown;
  actor: Actor;
  at?: Date;
}

export interface CorrectInput {
  number: string;
  version: unknown;
  formData: unknown;
  reason: unknown;
  actor: Actor;
  at?: Date;
}

/** Who may reassign (转办/改派) a step: the technical head and the department administrator. */
const REASSIGN_ROLES = ['technical-head', MANAGER_ROLE];

/** Who corrects application data when the definition does not say: the window clerk and the department admin. */
const CORRECTION_ROLES = ['window-clerk', MANAGER_ROLE];

/** The order's columns kept beside its application data, worked out from it. */
export const formColumns = (def: LoadedDefinition, form: Record<string, unknown>) => ({
  title: (form[def.spec.entry.titleField] as string) ?? null,
  contactPhone: (form[def.spec.entry.phoneField] as string) ?? null,
  // Kept beside the form for the search of archived orders.
  creditCode: typeof form.creditCode === 'string' ? form.creditCode : null,
});

/** The form fields whose values differ, each with its value before and after. */
const changedFields = (before: Record<string, unknown>, after: Record<string, unknown>) => {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  return {
    before: Object.fromEntries(names.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(names.map((k) => [k, after[k] ?? null])),
  };
};

export interface ReassignInput {
  number: string;
  version: unknown;
  assignee: unknown;
  reason: unknown;
  actor: Actor;
  at?: Date;
}

export interface StartInput {
  processKey: unknown;
  channel: unknown;
  formData: unknown;
  actor: Actor;
  idempotencyKey?: string | null;
  /** Staff entering an application at the window: the applicant it is for, when known. */
  applicantId?: number | null;
  at?: Date;
}

const transitions = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Refuses an applicant whose type (企业, 居民) the process is not for. */
  const mayStart = async (actor: Actor, spec: LoadedDefinition['spec']) => {
    const type = await getService('actors').applicantType(actor);
    const allowed = startableBy(spec);
    if (type && allowed.includes(type)) return;
    const names = allowed.map((t) => APPLICANT_TYPES[t]).join('、');
    throw forbidden(
      type
        ? `“${spec.name}”只受理${names}申请，您的账号是${APPLICANT_TYPES[type]}用户`
        : `请先在个人资料中选择申请人类型（${names}）`,
    );
  };

  /** The order an applicant's submission with this Idempotency-Key made, as a repeated submission answers it. */
  const madeWithKey = async (applicantId: number, key: string) => {
    const where = { submissionKey: key, applicantRef: applicantId };
    const existing = await strapi.db.query(UIDS.order).findOne({ where, select: ['number'] });
    return existing ? { created: false, number: existing.number as string, submitted: undefined } : null;
  };

  const mayAct = (actor: Actor, roles: string[], order: any): boolean => {
    if (actor.kind === 'system') return roles.includes(SYSTEM_ROLE);
    if (actor.kind === 'applicant') return roles.includes(APPLICANT_ROLE) && order.applicant?.id === actor.id;
    const staffRoles = roles.filter((r) => r !== APPLICANT_ROLE && r !== SYSTEM_ROLE);
    if (staffRoles.length === 0) return false;
    if (actor.superAdmin) return true;
    if (!actor.roles.some((r) => staffRoles.includes(r))) return false;
    // An order assigned to someone is theirs to act on; their department administrator may step in.
    return !order.assignee || order.assignee.id === actor.staffId || actor.roles.includes(MANAGER_ROLE);
  };

  const baseFacts = (order: any): Facts => ({
    channel: order.channel,
    category: order.category,
    processKey: order.processKey,
    formData: order.formData ?? {},
    flags: { paymentDeferred: !!order.paymentDeferred, changedDuringConstruction: !!order.changedDuringConstruction },
  });

  const gatherFacts = async (order: any, event?: string, form?: Record<string, unknown>) => ({
    ...baseFacts(order),
    ...(await getService('registry').facts({ strapi, order, event, form })),
  });

  const matchesType = (req: ArtifactRequirement, file: { mime?: string; ext?: string; name?: string }) => {
    if (!req.types?.length) return true;
    const ext = (file.ext ?? '').toLowerCase();
    return req.types.some((t) => (t.startsWith('.') ? ext === t.toLowerCase() : file.mime === t));
  };

  /** Required artifacts not yet attached during this visit of the step, with what is there. */
  const missingArtifacts = async (order: any, requirements: ArtifactRequirement[]) => {
    if (requirements.length === 0) return [];
    const files = await strapi.db.query(UIDS.orderFile).findMany({
      where: {
        order: { id: order.id },
        kind: { $in: requirements.map((r) => r.kind) },
        createdAt: { $gte: order.stepEnteredAt },
      },
      select: ['kind'],
      populate: { file: { select: ['mime', 'ext', 'name'] } },
    });
    return requirements
      .map((req) => ({
        ...req,
        have: files.filter((f: any) => f.kind === req.kind && f.file && matchesType(req, f.file)).length,
      }))
      .filter((r) => r.have < r.min)
      .map(({ kind, label, min, have, types }) => ({ kind, label, min, have, types: types ?? [] }));
  };

  /** Active staff holding one of the roles within the organization's company tree. */
  const eligibleStaff = async (roles: string[], organizationId: number | null) => {
    const staffRoles = roles.filter((r) => r !== APPLICANT_ROLE && r !== SYSTEM_ROLE);
    const orgIds = organizationId
      ? await getService('scope').treeIds((await getService('scope').rootOf(organizationId)) ?? organizationId)
      : null;
    return (
      await strapi.db.query(UIDS.staff).findMany({
        where: { active: true, ...(orgIds ? { organization: { id: { $in: orgIds } } } : {}) },
        select: ['id', 'name', 'jobRoles'],
      })
    ).filter((s: any) => Array.isArray(s.jobRoles) && s.jobRoles.some((r: string) => staffRoles.includes(r)));
  };

  /** Staff member for a step: the one named in the form (checked), else the least busy holder of the step's roles. */
  const chooseAssignee = async (
    order: any,
    roles: string[],
    named: number | null,
    organizationId: number | null,
    field = 'assignee',
  ): Promise<number | null> => {
    const staffRoles = roles.filter((r) => r !== APPLICANT_ROLE && r !== SYSTEM_ROLE);
    const candidates = await eligibleStaff(roles, organizationId);
    if (named !== null) {
      if (!candidates.some((c: any) => c.id === named)) {
        throw badRequest('指定的人员无效', [
          { path: ['form', field], message: `所选人员不是本单位的${staffRoles.join('/')}` },
        ]);
      }
      return named;
    }
    if (candidates.length === 0) return null;
    const orders = getService('tables').table(UIDS.order);
    const open: Array<{ id: number; n: number }> = await getService('tables').current((trx) =>
      trx(orders.name)
        .whereNull(orders.column('outcome'))
        .whereIn(
          orders.column('assigneeRef'),
          candidates.map((c: any) => c.id),
        )
        .groupBy(orders.column('assigneeRef'))
        .select({ id: orders.column('assigneeRef') })
        .count({ n: '*' }),
    );
    const load = new Map<number, number>(candidates.map((c: any) => [c.id, 0]));
    for (const o of open) load.set(Number(o.id), Number(o.n));
    return [...load.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0])[0][0];
  };

  /** What effects run with: the order, the action's form and facts; they add to `patch` and `changes`. */
  const effectContext = (order: any, form: Record<string, unknown>, actor: Actor, at: Date, facts: Facts) => ({
    strapi,
    order,
    form,
    actor,
    at,
    facts,
    patch: {} as Record<string, unknown>,
    changes: {} as EffectContext['changes'],
  });

  const runEffects = async (
    def: LoadedDefinition,
    actions: Array<{ type: string; params?: any }>,
    ctx: Omit<EffectContext, 'params'>,
  ) => {
    for (const action of effectsOf(actions)) {
      const effect = getService('registry').effect(action.type);
      if (!effect) throw new Error(`Effect ${action.type} of ${def.key}@${def.version} is not registered`);
      await effect({ ...ctx, params: (action.params as Record<string, unknown> | undefined) ?? undefined });
    }
  };

  /**
   * The transition's write (one transaction). When another writer holds the order
   * (SQLite's file lock between processes, a MySQL deadlock or lock timeout), the caller is told someone
   * acted first (409), as for a stale version, instead of a server error; nothing was written.
   */
  const retrying = async <T>(version: number, write: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error: any) {
        // MySQL picks a deadlock victim among writers of different orders (link-table gaps): the work
        // starts again (the conditional update or the locked read), which tells a real loser that someone acted first.
        if (error?.code === 'ER_LOCK_DEADLOCK' && attempt < DEADLOCK_ATTEMPTS) continue;
        const locked =
          ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT'].includes(error?.code) ||
          /database is locked/.test(error?.message ?? '');
        if (locked) throw conflict(version + 1);
        throw error;
      }
    }
  };

  const inTransaction = <T>(version: number, work: () => Promise<T>): Promise<T> =>
    retrying(version, async () => await strapi.db.transaction(work));

  const config = () => strapi.config.get('plugin::workflow') as WorkflowConfig;

  /** 新任务: the staff member a step was given to is told, by SMS too when the settings say so. */
  const assignedNotice = (staffId: number, template = 'task-assigned'): Notification => ({
    to: 'person',
    person: staffId,
    template,
    channels: config().staffSms.assignment ? ['message', 'sms'] : ['message'],
  });

  /** Entering a step: its label, outcome, assignee and notifications. */
  const entering = async (
    def: LoadedDefinition,
    order: any,
    fromStep: string | null,
    value: StateValue,
    form: Record<string, unknown>,
    transitionMeta?: TransitionConfig['meta'],
  ) => {
    const toStep = primaryStep(def.nodes, value);
    const meta = stepMeta(def.nodes, toStep);
    const moved = toStep !== fromStep;
    let assignee: number | null | undefined;
    if (moved) {
      const namedField = transitionMeta?.assignField;
      const named = namedField && form[namedField] ? Number(form[namedField]) : null;
      assignee =
        meta?.assign || named
          ? await chooseAssignee(order, meta?.roles ?? [], named, order.organization?.id ?? null, namedField)
          : null;
    }
    const notify: Notification[] = [
      ...(transitionMeta?.notify ?? []),
      ...(moved ? (meta?.notify ?? []) : []),
      ...(moved && assignee ? [assignedNotice(assignee)] : []),
    ];
    return {
      toStep,
      meta,
      moved,
      assignee,
      notify,
      outcome: def.nodes.get(toStep)?.config.type === 'final' ? (meta?.outcome ?? 'completed') : null,
    };
  };

  /** The checks of a transition, in the order callers are told: scope, version, step, role, form, guard, artifacts. */
  const checkAction = async (input: PerformInput) => {
    const { actor } = input;
    const version = versionOf(input.version);
    // Someone who could act on it before repeats a stale action: someone acted first, as for its holders.
    const order: any = await getService('scope').loadVisible(actor, input.number, { version });
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const value = storedValue(order.stateValue);

    // A caller acting on an old view is told so first, whatever else has changed since.
    if (version === null) throw badRequest('操作信息有误', [VERSION_PROBLEM]);
    if (version !== order.lockVersion) throw conflict(order.lockVersion);

    const candidate = candidateEvents(def.nodes, value).find((c) => c.event === input.action);
    if (!candidate || order.outcome) {
      throw unprocessable('当前步骤不能执行此操作', { action: input.action, step: order.currentStep });
    }
    const first = candidate.transitions[0];
    if (!mayAct(actor, rolesFor(def.nodes, candidate, first), order)) throw forbidden('您没有权限执行此操作');

    const { value: form, errors } = domain().validateForm(first.meta?.form ?? EMPTY_FORM, input.form ?? {}, ['form']);
    if (errors.length > 0) throw badRequest('操作信息有误', errors);

    const facts = await gatherFacts(order, input.action, form);
    const snapshot = restoreSnapshot(def.machine, value, facts);
    if (!snapshot.can({ type: input.action, form } as any)) {
      throw unprocessable(first.meta?.guardMessage ?? '当前条件不满足，不能执行此操作', {
        action: input.action,
        guard: first.guard ?? null,
      });
    }
    const chosen = candidate.transitions.find((t) => !t.guard) ?? first;
    const missing = await missingArtifacts(order, chosen.meta?.artifacts ?? first.meta?.artifacts ?? []);
    if (missing.length > 0) {
      throw unprocessable(
        `缺少必需的附件：${missing.map((m) => `${m.label}（需${m.min}个，已有${m.have}个）`).join('；')}`,
        { missing },
      );
    }
    const [next, actions] = pureStep(def.machine, snapshot, { type: input.action, form } as any);
    return {
      order,
      def,
      version,
      value,
      nextValue: next.value as StateValue,
      actions: actions as any[],
      first,
      chosen,
      form,
      facts,
    };
  };

  type Checked = Awaited<ReturnType<typeof checkAction>>;

  /** The files attached in this visit of the step, recorded with the event when the action needs artifacts. */
  const attachedFiles = async (c: Checked) => {
    if (!(c.chosen.meta?.artifacts ?? []).length) return [];
    const files = await strapi.db.query(UIDS.orderFile).findMany({
      where: { order: { id: c.order.id }, createdAt: { $gte: c.order.stepEnteredAt } },
      select: ['id', 'kind', 'name', 'version', 'sha256'],
    });
    return files.map((f: any) => ({ id: f.id, kind: f.kind, name: f.name, version: f.version, sha256: f.sha256 }));
  };

  /**
   * Everything the transition writes, worked out from the order as `seen` (the first read, or the
   * locked row): its effects run here, so under the lock when there are any.
   */
  const planTransition = async (input: PerformInput, c: Checked, seen: any, at: Date) => {
    const { order, def, version, value, nextValue, form, first, actor } = { ...c, actor: input.actor };
    const fromStep = order.currentStep as string;
    const enter = await entering(def, order, fromStep, nextValue, form, first.meta);
    const stepChanged = enter.moved || JSON.stringify(nextValue) !== JSON.stringify(value);
    const ctx = effectContext(order, form, actor, at, c.facts);
    await runEffects(def, c.actions, ctx);
    const { relations, rest } = getService('orderRows').splitRelations(ctx.patch);
    if (enter.moved && (order.assignee?.id ?? null) !== (enter.assignee ?? null)) {
      relations.assignee = enter.assignee ?? null;
      ctx.changes.assignee = { before: order.assignee?.id ?? null, after: enter.assignee ?? null };
    }
    const { row: eventRow, head } = await getService('history').next(seen, {
      orderId: order.id,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action: input.action,
      actionLabel: first.meta?.label ?? input.action,
      fromStep,
      toStep: enter.toStep,
      comment: commentOf(form),
      changes: {
        ...(stepChanged ? { state: { before: value, after: nextValue } } : {}),
        ...(Object.keys(form).length ? { form: { before: null, after: form } } : {}),
        ...ctx.changes,
      },
      artifacts: await attachedFiles(c),
    });
    const patch = {
      ...rest,
      ...head,
      lockVersion: version + 1,
      currentStep: enter.toStep,
      stateValue: storeValue(nextValue),
      // A new step visit starts with no warning and no urge.
      ...(enter.moved ? { stepEnteredAt: at, warningLevel: 0, urgeCount: 0 } : {}),
      ...(enter.outcome ? { outcome: enter.outcome, closedAt: at } : {}),
    };
    const payload = {
      number: order.number,
      action: input.action,
      step: enter.toStep,
      stepLabel: enter.meta?.label,
      ...(typeof form.reason === 'string' ? { reason: form.reason } : {}),
    };
    const write: OrderWrite = {
      order,
      patch,
      expected: { lockVersion: version, historySeq: seen.historySeq ?? null },
      relations,
      current: seen,
      event: { ...eventRow, definitionId: def.id, organizationRef: seen.organizationRef ?? null },
      notify: { notifications: enter.notify, payload },
      entered: enter.moved ? enter.toStep : null,
      closes: !!enter.outcome,
    };
    return { enter, write };
  };

  /**
   * One attempt at a transition. The checks run on a first read, outside the transaction (run under the
   * row lock they held it and a pooled connection through their CPU work). The transaction then starts
   * with the order's update, conditional on the version and the history's sequence number the checks
   * saw: that update takes the row lock and confirms nothing moved in one statement. A transition with
   * effects (contracts, payments, …) locks the order first instead, so that the effects' writes happen
   * under its lock.
   */
  const performOnce = async (input: PerformInput): Promise<Performed> => {
    const at = input.at ?? getService('clock').now();
    const c = await checkAction(input);
    const { order, version, form, first } = c;
    const write = async ({ enter, write: plan }: Awaited<ReturnType<typeof planTransition>>) => {
      if ((await getService('orderWrites').carryOut(plan)) === null) throw new OrderMoved(version + 1);
      if (first.meta?.warningLevel) {
        await getService('escalation').raise(order.id, first.meta.warningLevel, {
          exception: true,
          reason: typeof form.text === 'string' ? form.text : undefined,
        });
      }
      strapi.eventHub.emit(EVENTS.ORDER_TRANSITIONED, {
        number: order.number,
        action: input.action,
        from: order.currentStep,
        to: enter.toStep,
      });
      return {
        number: order.number,
        version: version + 1,
        currentStep: enter.toStep,
        stepLabel: enter.meta?.label ?? enter.toStep,
        outcome: enter.outcome ?? order.outcome ?? null,
      };
    };
    // Without effects, only reads come before the conditional update, the transaction's first statement
    // (on SQLite too, where a transaction that reads first is refused if another process writes meanwhile).
    if (effectsOf(c.actions).length === 0) {
      const planned = await planTransition(input, c, order, at);
      return inTransaction(version, () => write(planned));
    }
    return inTransaction(version, async () => {
      const locked: any = await getService('orderRows').load({ id: order.id }, { lock: true });
      if (!locked || locked.lockVersion !== version) throw conflict(locked?.lockVersion ?? version + 1);
      return write(await planTransition(input, c, locked, at));
    });
  };

  /** The one way an order moves. */
  const perform = async (input: PerformInput): Promise<Performed> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await performOnce(input);
      } catch (error) {
        // History was appended meanwhile (a warning, an urge) without the version moving: the caller's
        // view is still current, so the transition starts again from a fresh read.
        if (!(error instanceof OrderMoved)) throw error;
        if (attempt >= MOVED_ATTEMPTS) throw conflict(error.version);
      }
    }
  };

  /** Whether the actor may correct the order's application data (更正申请信息) under its definition. */
  const mayCorrect = (def: LoadedDefinition, order: any, actor: Actor) => {
    if (actor.kind !== 'staff' || order.outcome) return false;
    const roles = def.spec.corrections?.roles ?? CORRECTION_ROLES;
    return !!actor.superAdmin || actor.roles.some((r) => roles.includes(r));
  };

  /** The checks of a correction, in perform's order; answers the order, its definition and the new form. */
  const checkCorrection = async (input: CorrectInput) => {
    const order: any = await getService('scope').loadVisible(input.actor, input.number);
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const version = versionOf(input.version);
    if (version === null) throw badRequest('更正信息有误', [VERSION_PROBLEM]);
    if (version !== order.lockVersion) throw conflict(order.lockVersion);
    if (order.outcome) throw unprocessable('工单已结束，不能更正申请信息', { outcome: order.outcome });
    if (!mayCorrect(def, order, input.actor)) throw forbidden('您没有权限更正申请信息');
    const { value: form, errors } = domain().validateForm(def.spec.form, input.formData, ['formData']);
    const problems: FieldProblem[] = [...errors];
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (!reason) problems.push({ path: ['reason'], message: '请填写更正原因' });
    else if (reason.length > 500) problems.push({ path: ['reason'], message: '更正原因不能超过500字' });
    if (problems.length > 0) throw badRequest('更正信息有误', problems);
    const changed = changedFields(order.formData ?? {}, form);
    if (Object.keys(changed.after).length === 0) {
      throw badRequest('更正信息有误', [{ path: ['formData'], message: '申请信息没有变化' }]);
    }
    return { order, def, version, form, reason, changed };
  };

  /**
   * 更正申请信息: staff correct an order's application data. The form, the columns kept beside it and a
   * history event with the changed fields before and after are written in one transaction, the version moves on.
   */
  const correct = async (input: CorrectInput) => {
    const { actor } = input;
    const at = input.at ?? getService('clock').now();
    const { order, def, version, form, reason, changed } = await checkCorrection(input);
    await inTransaction(version, async () => {
      const locked: any = await getService('orderRows').load({ id: order.id }, { lock: true });
      if (!locked || locked.lockVersion !== version) throw conflict(locked?.lockVersion ?? version + 1);
      const { row, head } = await getService('history').next(locked, {
        orderId: order.id,
        at,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        action: 'correct',
        actionLabel: '更正申请信息',
        fromStep: locked.currentStep,
        toStep: locked.currentStep,
        comment: reason,
        changes: { formData: changed },
        artifacts: null,
      });
      const written = await getService('orderWrites').carryOut({
        order: locked,
        current: locked,
        patch: { formData: form, ...formColumns(def, form), ...head, lockVersion: version + 1 },
        expected: { lockVersion: version },
        event: { ...row, definitionId: def.id, organizationRef: locked.organizationRef ?? null },
      });
      if (written === null) throw conflict(version + 1);
    });
    return { number: order.number as string, version: version + 1, formData: form, changes: changed };
  };

  /** The checks of a submission: the process, a repeated Idempotency-Key, the applicant's type, channel and form. */
  const checkStart = async (input: StartInput) => {
    const { actor } = input;
    if (typeof input.processKey !== 'string' || !input.processKey)
      throw badRequest('申请信息有误', [{ path: ['processKey'], message: '缺少业务流程' }]);
    const def = await getService('definitions')
      .latest(input.processKey)
      .catch(() => {
        throw badRequest('申请信息有误', [{ path: ['processKey'], message: '未知的业务流程' }]);
      });
    const fromApplicant = actor.kind === 'applicant';
    const key = fromApplicant ? (input.idempotencyKey ?? null) : null;
    const made = key ? await madeWithKey(actor.id, key) : null;
    if (made) return { made };
    if (fromApplicant) await mayStart(actor, def.spec);

    const problems: FieldProblem[] = [];
    const channels = fromApplicant ? ['official-account', 'mini-program'] : ['window', 'staff-app'];
    const channel = (input.channel ?? channels[0]) as string;
    if (!channels.includes(channel))
      problems.push({ path: ['channel'], message: `申请渠道应为：${channels.join('、')}` });
    const { value: form, errors } = domain().validateForm(def.spec.form, input.formData, ['formData']);
    problems.push(...errors);
    if (problems.length > 0) throw badRequest('申请信息有误', problems);
    const applicantId = fromApplicant ? actor.id : (input.applicantId ?? null);
    return { def, fromApplicant, key, channel, form, applicantId };
  };

  type StartChecked = Exclude<Awaited<ReturnType<typeof checkStart>>, { made: unknown }>;

  /** Where a new order starts: its category, organization, first state and the effects of entering it. */
  const startingPoint = async (c: StartChecked) => {
    const { def, form, channel, applicantId } = c;
    const entry = def.spec.entry;
    const draft: any = {
      processKey: def.key,
      channel,
      formData: form,
      category: null,
      organization: null,
      applicant: applicantId ? { id: applicantId } : null,
    };
    const facts = await gatherFacts(draft, 'submit', form);
    const category =
      'fixed' in entry.category
        ? entry.category.fixed
        : (form[entry.category.field] as string) || facts.suggestedCategory || null;
    facts.category = category;
    const organization = entry.organization ? await getService('scope').organizationByCode(entry.organization) : null;
    const [snapshot, actions] = startSnapshot(def.machine, facts);
    return { facts, category, organization, value: snapshot.value as StateValue, effects: effectsOf(actions as any) };
  };

  /** The new order's row, under a placeholder number (the real one is taken last, just before the commit). */
  const newOrderRow = (c: StartChecked, start: Awaited<ReturnType<typeof startingPoint>>, at: Date) => ({
    // The day's counter stays locked from taking a number to the commit, and submissions queue on that lock.
    number: `~${randomBytes(12).toString('hex')}`,
    // Known before anything is written: the first event's hash names the order by it.
    documentId: documentId(),
    processKey: c.def.key,
    definitionVersion: c.def.version,
    applicantType: c.def.spec.applicantType,
    category: start.category,
    channel: c.channel,
    submissionKey: c.key,
    ...formColumns(c.def, c.form),
    formData: c.form,
    currentStep: primaryStep(c.def.nodes, start.value),
    stateValue: storeValue(start.value),
    stepEnteredAt: at,
    lockVersion: 1,
    warningLevel: 0,
    historySeq: 0,
    paymentDeferred: false,
    changedDuringConstruction: false,
    // Applied at the engine's time (the timestamps default to the wall clock).
    createdAt: at,
  });

  /**
   * The submission's transaction: the order, its effects (which may print the number on what they make,
   * so they see the real one), then the first event, links and notifications through the one executor.
   */
  const createOrder = async (input: StartInput, c: StartChecked, at: Date) => {
    const { actor } = input;
    const { def, form, applicantId } = c;
    const start = await startingPoint(c);
    const row = newOrderRow(c, start, at);
    const relationsAtStart = { applicant: applicantId, organization: start.organization?.id ?? null };
    const { number, submitted } = await strapi.db.transaction(async ({ trx }) => {
      const takeNumber = () => strapi.service(domain().numbering as any).next(trx, at) as Promise<string>;
      const id = await getService('orderRows').create(row, relationsAtStart);
      const created: any = {
        id,
        ...row,
        historyHead: null,
        applicant: applicantId ? { id: applicantId } : null,
        organization: start.organization,
        assignee: null,
      };
      if (start.effects.length > 0) created.number = await takeNumber();
      const ctx = effectContext(created, form, actor, at, start.facts);
      await runEffects(def, start.effects, ctx);
      const enter = await entering(def, created, null, start.value, form);
      const { relations, rest } = getService('orderRows').splitRelations({
        ...ctx.patch,
        ...(enter.assignee ? { assignee: enter.assignee } : {}),
      });
      const { row: eventRow, head } = await getService('history').next(created, {
        orderId: id,
        at,
        actorKind: actor.kind,
        actorId: actor.id,
        actorName: actor.name,
        action: 'submit',
        actionLabel: c.fromApplicant ? '提交申请' : '窗口受理',
        fromStep: null,
        toStep: enter.toStep,
        comment: null,
        changes: { formData: { before: null, after: form }, ...ctx.changes },
        artifacts: null,
      });
      if (start.effects.length === 0) created.number = await takeNumber();
      const finished = {
        ...rest,
        ...(enter.outcome ? { outcome: enter.outcome, closedAt: at } : {}),
      };
      const eventId = await getService('orderWrites').carryOut({
        order: created,
        patch: { number: created.number, ...finished, ...head },
        relations,
        // Kept beside the event to read events by process and organization; not part of its hash.
        event: { ...eventRow, definitionId: def.id, organizationRef: start.organization?.id ?? null },
        notify: {
          notifications: enter.notify,
          payload: { number: created.number, step: enter.toStep, stepLabel: enter.meta?.label },
        },
        entered: enter.toStep,
        closes: !!enter.outcome,
      });
      // What the transaction wrote, for the answer's view; effects may have made records besides.
      const order =
        start.effects.length || enter.assignee
          ? undefined
          : {
              ...created,
              ...finished,
              ...head,
              applicantRef: applicantId,
              organizationRef: start.organization?.id ?? null,
            };
      return {
        number: created.number as string,
        submitted: start.effects.length ? undefined : ({ id, event: { ...eventRow, id: eventId }, order } as Submitted),
      };
    });
    strapi.eventHub.emit(EVENTS.ORDER_STARTED, { number, processKey: def.key });
    return { created: true, number, submitted };
  };

  /** 转办/改派 is for technical heads, department administrators and super administrators. */
  const mayReassign = (actor: Actor) =>
    actor.kind === 'staff' && (!!actor.superAdmin || actor.roles.some((r) => REASSIGN_ROLES.includes(r)));

  /** The checks of a reassignment, in the order callers are told: who, scope, version, step, reason, person. */
  const checkReassign = async (input: ReassignInput) => {
    if (!mayReassign(input.actor)) throw forbidden('只有技术负责人、部门负责人或超级管理员可以改派');
    const version = versionOf(input.version);
    const order: any = await getService('scope').loadVisible(input.actor, input.number, { version });
    if (version === null) throw badRequest('改派信息有误', [VERSION_PROBLEM]);
    if (version !== order.lockVersion) throw conflict(order.lockVersion);
    const def = await getService('definitions').get(order.processKey, order.definitionVersion);
    const meta = stepMeta(def.nodes, order.currentStep);
    const roles = (meta?.roles ?? []).filter((r) => r !== APPLICANT_ROLE && r !== SYSTEM_ROLE);
    if (order.outcome || !roles.length)
      throw unprocessable('当前环节不由员工办理，不能改派', { step: order.currentStep });
    const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
    if (!reason || reason.length > 200)
      throw badRequest('改派信息有误', [{ path: ['reason'], message: '请填写改派原因（200字以内）' }]);
    const to = (await eligibleStaff(roles, order.organization?.id ?? null)).find(
      (s: any) => s.id === Number(input.assignee),
    );
    if (!to) throw badRequest('改派信息有误', [{ path: ['assignee'], message: '所选人员不能办理本环节' }]);
    if (to.id === order.assignee?.id) throw unprocessable(`本环节已由${to.name}办理`, { assignee: to.id });
    return { order, def, version, meta, reason, to };
  };

  /** 督办 is for leaders and super administrators. */
  const maySupervise = (actor: Actor) =>
    actor.kind === 'staff' && (!!actor.superAdmin || actor.roles.includes(LEADER_ROLE));

  /** A history event that leaves the order in its step (an urge, a supervision note). */
  const note = (
    actor: Actor,
    order: any,
    at: Date,
    what: { action: string; actionLabel: string; onceKey?: string },
  ) => ({
    orderId: order.id,
    at,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    fromStep: order.currentStep,
    toStep: order.currentStep,
    comment: null as string | null,
    changes: null,
    artifacts: null,
    ...what,
  });

  /** Refuses an urge before the share of the step's threshold set in the settings (业务设置) has passed. */
  const mayUrgeYet = (meta: ReturnType<typeof stepMeta>, enteredAt: Date, at: Date) => {
    const percent = config().urgeAfterPercent;
    const elapsed = getService('elapsed').of(meta, enteredAt, at, true);
    if (!elapsed.thresholdHours || elapsed.measuredHours * 100 >= elapsed.thresholdHours * percent) return;
    const after = Math.ceil((elapsed.thresholdHours * percent) / 100);
    throw unprocessable(`本环节办理时限为${elapsed.thresholdHours}小时，受理满${after}小时后仍未办结方可催办`, {
      thresholdHours: elapsed.thresholdHours,
      urgeAfterHours: after,
    });
  };

  return {
    /**
     * 催办: the applicant asks for speed, once a share of the step's threshold has passed; goes to
     * history and to the step's handlers (in-app, and SMS when the settings say so), in one transaction.
     * Once per order and China-time day, kept by a unique key on the history event: of urges racing on
     * any instances one is written, the others are refused (429) with nothing written.
     */
    async urge(actor: Actor, number: string, at = getService('clock').now()) {
      const order = await getService('scope').loadVisible(actor, number);
      if (order.outcome) throw unprocessable('工单已结束，无需催办', { outcome: order.outcome });
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const meta = stepMeta(def.nodes, order.currentStep);
      mayUrgeYet(meta, order.stepEnteredAt, at);
      const notifications: Notification[] = [
        {
          to: 'handlers',
          template: 'order-urged',
          channels: config().staffSms.urge ? ['message', 'sms'] : ['message'],
        },
      ];
      const event = note(actor, order, at, { action: 'urge', actionLabel: '催办', onceKey: `urge:${chinaDay(at)}` });
      const payload = { number, step: order.currentStep, stepLabel: meta?.label ?? order.currentStep };
      const counted = (o: Record<string, any>) => ({ urgeCount: Number(o.urgeCount ?? 0) + 1, lastUrgedAt: at });
      try {
        await getService('history').append(event, { notifications, payload }, counted);
      } catch (error) {
        if (isUniqueViolation(error)) throw tooMany('每个工单每天只能催办一次');
        throw error;
      }
      strapi.eventHub.emit(EVENTS.ORDER_URGED, { number });
      return { number, urgedAt: at };
    },

    /**
     * 督办: a leader (or a super administrator) asks the order's handlers and its department
     * administrators to move it on, with a note; recorded in history.
     */
    async supervise(actor: Actor, number: string, input: { note?: unknown }, at = getService('clock').now()) {
      if (!maySupervise(actor)) throw forbidden('只有领导可以督办');
      const order = await getService('scope').loadVisible(actor, number);
      if (order.outcome) throw unprocessable('工单已结束，无需督办', { outcome: order.outcome });
      const text = typeof input.note === 'string' ? input.note.trim() : '';
      if (!text || text.length > 500)
        throw badRequest('督办信息有误', [{ path: ['note'], message: '请填写督办意见（500字以内）' }]);
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const stepLabel = stepMeta(def.nodes, order.currentStep)?.label ?? order.currentStep;
      const notifications: Notification[] = [
        { to: 'handlers', template: 'order-supervised' },
        { to: 'managers', template: 'order-supervised' },
      ];
      const event = { ...note(actor, order, at, { action: 'supervise', actionLabel: '督办' }), comment: text };
      const payload = { number, step: order.currentStep, stepLabel, reason: text, by: actor.name };
      await getService('history').append(event, { notifications, payload });
      return { number, supervisedAt: at };
    },

    /**
     * 转办/改派: gives the order's current step to another staff member who holds its job role, within
     * the order's company, with a reason. A history event; the old and the new holder are both told.
     */
    async reassign(input: ReassignInput) {
      const at = input.at ?? getService('clock').now();
      const { order, def, version, meta, reason, to } = await checkReassign(input);
      const before = order.assignee?.id ?? null;
      const { row, head } = await getService('history').next(order, {
        ...note(input.actor, order, at, { action: 'reassign', actionLabel: '改派' }),
        comment: reason,
        changes: { assignee: { before, after: to.id } },
      });
      const payload = { number: order.number, step: order.currentStep, stepLabel: meta?.label, reason, to: to.name };
      const written = await inTransaction(version, () =>
        getService('orderWrites').carryOut({
          order,
          current: order,
          patch: { ...head, lockVersion: version + 1 },
          expected: { lockVersion: version, historySeq: order.historySeq ?? null },
          relations: { assignee: to.id },
          event: { ...row, definitionId: def.id, organizationRef: order.organizationRef ?? null },
          notify: {
            notifications: [
              assignedNotice(to.id, 'task-reassigned'),
              ...(before ? [assignedNotice(before, 'task-taken-away')] : []),
            ],
            payload,
          },
        }),
      );
      if (written === null) throw conflict(version + 1);
      return { number: order.number, version: version + 1, assignee: { id: to.id, name: to.name } };
    },

    /** Who may take over the order's current step (改派): its job roles' staff within the order's company. */
    async reassignChoices(actor: Actor, number: string) {
      if (!mayReassign(actor)) throw forbidden('只有技术负责人、部门负责人或超级管理员可以改派');
      const order = await getService('scope').loadVisible(actor, number);
      const def = await getService('definitions').get(order.processKey, order.definitionVersion);
      const roles = stepMeta(def.nodes, order.currentStep)?.roles ?? [];
      const staff = order.outcome ? [] : await eligibleStaff(roles, order.organization?.id ?? null);
      return staff.map((s: any) => ({ id: s.id, name: s.name, current: s.id === order.assignee?.id }));
    },

    /** Who may be named for a `staff` form field of the order (same rule the engine checks on submit). */
    async assigneeChoices(actor: Actor, number: string, role: string) {
      const order = await getService('scope').loadVisible(actor, number);
      return (await eligibleStaff([role], order.organization?.id ?? null)).map((s: any) => ({
        id: s.id,
        name: s.name,
      }));
    },

    /** Names of the actions the actor's role allows now, without evaluating guards: cheap enough for list rows. */
    actionLabels(def: LoadedDefinition, order: any, actor: Actor) {
      if (order.outcome) return [];
      return candidateEvents(def.nodes, storedValue(order.stateValue)).flatMap((c) =>
        mayAct(actor, rolesFor(def.nodes, c, c.transitions[0]), order)
          ? [{ action: c.event, label: c.transitions[0].meta?.label ?? c.event }]
          : [],
      );
    },

    /** Actions the actor may take now, each with its form and the artifacts it needs. */
    async availableActions(def: LoadedDefinition, order: any, actor: Actor) {
      const value = storedValue(order.stateValue);
      const snapshot = restoreSnapshot(def.machine, value, await gatherFacts(order));
      return candidateEvents(def.nodes, value).flatMap((candidate) => {
        const t = candidate.transitions[0];
        const roles = rolesFor(def.nodes, candidate, t);
        if (!mayAct(actor, roles, order)) return [];
        const enabled = snapshot.can({ type: candidate.event, form: {} } as any);
        return [
          {
            action: candidate.event,
            label: t.meta?.label ?? candidate.event,
            step: candidate.owner.key,
            enabled,
            form: t.meta?.form ?? EMPTY_FORM,
            artifacts: t.meta?.artifacts ?? [],
            ...(enabled ? {} : { reason: t.meta?.guardMessage ?? '当前条件不满足' }),
          },
        ];
      });
    },

    /** Creates an order in its process's first step(s): one transaction for order, first event and notifications. */
    async start(input: StartInput) {
      const at = input.at ?? getService('clock').now();
      const checked = await checkStart(input);
      if ('made' in checked) return checked.made;
      try {
        return await createOrder(input, checked, at);
      } catch (error) {
        // The same key sent again while the first was being written: the database's unique key refused
        // the second order. The first one's answer, once it has committed.
        if (!checked.key || !isUniqueViolation(error)) throw error;
        const made = await madeWithKey(input.actor.id, checked.key);
        if (!made) throw inFlight();
        return made;
      }
    },

    perform,
    correct,
    mayCorrect,
    maySupervise,
    mayReassign,
  };
};

export default transitions;
