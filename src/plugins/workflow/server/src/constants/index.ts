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
  order: 'api::order.order',
  orderFile: 'api::order-file.order-file',
  staff: 'api::staff-profile.staff-profile',
  organization: 'api::organization.organization',
  auditEntry: 'plugin::workflow.audit-entry',
} as const;

/**
 * Orders, their records, staff profiles and organizations: they change only through the workflow's own
 * APIs, which check scope and write history; the document service (content manager, REST) only reads them.
 */
export const DOMAIN_UIDS = [
  UIDS.order,
  'api::contract.contract',
  'api::payment.payment',
  'api::survey-record.survey-record',
  'api::progress-report.progress-report',
  UIDS.orderFile,
  'api::signature.signature',
  'api::evaluation.evaluation',
  'api::message.message',
  UIDS.staff,
  UIDS.organization,
] as const;

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
