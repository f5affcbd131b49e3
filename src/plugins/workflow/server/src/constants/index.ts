import { uidOf } from '../domain';

/** Names of the events the engine emits on strapi.eventHub, and other fixed names. */
export const EVENTS = {
  ORDER_STARTED: 'workflow.order.started',
  ORDER_TRANSITIONED: 'workflow.order.transitioned',
  ORDER_URGED: 'workflow.order.urged',
  DEFINITION_PUBLISHED: 'workflow.definition.published',
} as const;

export const UIDS = {
  definition: 'plugin::workflow.definition',
  historyEvent: 'plugin::workflow.history-event',
  outbox: 'plugin::workflow.outbox-message',
  rule: 'plugin::workflow.rule',
  auditEntry: 'plugin::workflow.audit-entry',
  // The app's content types the engine reads most (domain.ts): named by the app, read when used.
  get order() {
    return uidOf('order');
  },
  get orderFile() {
    return uidOf('orderFile');
  },
  get staff() {
    return uidOf('staff');
  },
  get organization() {
    return uidOf('organization');
  },
};

/**
 * How long what an instance keeps in memory of records read on most requests and seldom changed (staff
 * profiles, the organization tree, the definitions' versions, knowledge articles' tags) serves before it
 * is read again: a change made on another instance shows within this (docs/deploy.md). A change made
 * on the same instance drops it at once.
 */
export const KEPT_MS = 5_000;

/** Pseudo-roles a step may name besides staff job roles. */
export const APPLICANT_ROLE = 'applicant';
export const SYSTEM_ROLE = 'system';
export const MANAGER_ROLE = 'department-admin';
/** Leaders: 督办 any order in view, and the executives' notices. */
export const LEADER_ROLE = 'leader';

/** Relations the scope rules read; load them with any order that is checked. */
export const SCOPE_POPULATE = {
  applicant: { select: ['id'] },
  organization: { select: ['id', 'code', 'name'] },
  assignee: { select: ['id', 'name'] },
};

/** The history's labels of the three warning levels (index = level); the dashboard counts warnings by them. */
export const WARNING_LABELS = ['', '一级预警', '二级预警', '三级预警'] as const;

/** Steps and actions that count as returned or rejected on the dashboard (退回/驳回率). */
export const RETURN_STEPS = ['returned', 'rejected'];
export const RETURN_ACTIONS = ['reject'];
