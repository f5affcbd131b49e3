import type { Core } from '@strapi/strapi';
import { UIDS } from './constants';

/**
 * Secondary indexes the engine's queries need, declared on the content types so that Strapi's schema
 * sync creates them (and owns them) on SQLite and MySQL alike. Column names, not attribute names.
 * docs/performance.md lists the figures the benchmark measures with them.
 */
const engineIndexes = (): Record<string, Array<{ name: string; columns: string[]; type?: 'unique' }>> => ({
  [UIDS.order]: [
    // Every request names an order by its number. Strapi keeps `unique: true` in the application layer
    // only (no key), so without this each lookup read the whole table.
    { name: 'orders_number_uq', columns: ['number'], type: 'unique' },
    // The inbox: open orders in elapsed order, filtered inside the index (scope, step, assignee) so that
    // finding the first 20 matches reads the index only. `id` follows step_entered_at to match the
    // sort's tie-break. (MySQL keys hold 3,072 bytes; Strapi's strings are varchar(255) utf8mb4, 1,020
    // bytes each, so at most two of them per index.)
    {
      name: 'orders_inbox_idx',
      columns: ['outcome', 'step_entered_at', 'id', 'organization_ref', 'current_step', 'assignee_ref'],
    },
    // Counts and lists of one organization's orders (department administrators; the dashboard's open
    // orders per assignee, from the index alone).
    {
      name: 'orders_org_idx',
      columns: ['organization_ref', 'outcome', 'current_step', 'step_entered_at', 'assignee_ref', 'created_at'],
    },
    // A person's work and the least-busy assignment.
    { name: 'orders_assignee_idx', columns: ['assignee_ref', 'outcome'] },
    // An applicant's own orders, newest first.
    { name: 'orders_applicant_idx', columns: ['applicant_ref', 'created_at'] },
    // Orders past their step's threshold now (the dashboard's overdue count, the inbox's overdue filter).
    {
      name: 'orders_step_time_idx',
      columns: [
        'process_key',
        'definition_version',
        'current_step',
        'step_entered_at',
        'organization_ref',
        'created_at',
      ],
    },
    // The warning scan: per step and level, the orders past a point in time. Closed orders stand in final
    // states, which have no threshold, so the scan's ranges never reach them without `outcome` here.
    {
      name: 'orders_sla_idx',
      columns: ['process_key', 'definition_version', 'current_step', 'warning_level', 'step_entered_at'],
    },
    // A repeated submission finds the order it made; the key makes a second order with it impossible.
    { name: 'orders_submission_uq', columns: ['applicant_ref', 'submission_key'], type: 'unique' },
    // The dashboard's periods and the archive search.
    // Each covers one of the dashboard's sums over a period (applied, by category, completed), so the
    // database reads the index, not a row per order.
    {
      name: 'orders_created_idx',
      columns: ['created_at', 'organization_ref', 'outcome', 'channel', 'returned', 'first_response_at', 'closed_at'],
    },
    { name: 'orders_category_idx', columns: ['created_at', 'category', 'organization_ref', 'closed_at'] },
    { name: 'orders_closed_idx', columns: ['closed_at', 'outcome', 'organization_ref', 'created_at'] },
    // What became today of orders applied on days already summed (the daily sums hold the days before).
    // `closed_at` tells whether an order was still open in the period: without it in the index MariaDB
    // read each matching row, thousands of random pages when the buffer pool is cold (205 against 18 ms).
    { name: 'orders_responded_idx', columns: ['first_response_at', 'created_at', 'organization_ref', 'closed_at'] },
    { name: 'orders_returned_idx', columns: ['returned_at', 'created_at', 'organization_ref', 'closed_at'] },
  ],
  [UIDS.historyEvent]: [
    // One chain per order; the unique pair also stops two writers appending the same link.
    { name: 'workflow_history_order_seq_uq', columns: ['order_id', 'seq'], type: 'unique' },
    // What may happen once per order and period (an urge a China-time day): NULL for other events,
    // and MySQL and SQLite keep any number of NULLs in a unique index.
    { name: 'workflow_history_once_uq', columns: ['order_id', 'once_key'], type: 'unique' },
    // 已办: the orders a staff member acted on.
    { name: 'workflow_history_actor_idx', columns: ['actor_kind', 'actor_id', 'order_id'] },
    // Warnings in a period, by process version, step and level, from the index alone.
    {
      name: 'workflow_history_action_at_idx',
      columns: ['action', 'at', 'definition_id', 'from_step', 'warning_level', 'organization_ref'],
    },
    // The dashboard's step visits ended in a period, read from the index alone (an event keeps its
    // order's organization, for a department's figures).
    {
      name: 'workflow_history_visits_idx',
      columns: [
        'at',
        'visit_hours',
        'visit_on_time',
        'actor_kind',
        'actor_id',
        'from_step',
        'definition_id',
        'order_id',
        'organization_ref',
      ],
    },
  ],
  [UIDS.auditEntry]: [
    // One chain for the whole administration; the unique sequence stops two writers appending the same link.
    { name: 'workflow_audit_seq_uq', columns: ['seq'], type: 'unique' },
    // A department administrator's entries, newest first.
    { name: 'workflow_audit_org_idx', columns: ['organization_ref', 'at'] },
    { name: 'workflow_audit_at_idx', columns: ['at', 'kind', 'actor_id'] },
  ],
  [UIDS.outbox]: [
    { name: 'workflow_outbox_due_idx', columns: ['status', 'next_attempt_at'] },
    { name: 'workflow_outbox_order_idx', columns: ['order_id'] },
    { name: 'workflow_outbox_sent_idx', columns: ['channel', 'status', 'sent_at'] },
  ],
});

/** Called in register, before Strapi turns content types into database models. */
export const declareIndexes = (strapi: Core.Strapi) => {
  for (const [uid, indexes] of Object.entries(engineIndexes())) {
    const contentType = strapi.contentType(uid as any) as unknown as { indexes?: unknown[] };
    contentType.indexes = [...(contentType.indexes ?? []), ...indexes];
  }
};
