import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from './constants';
import { declareIndexes } from './indexes';

/** Order columns only the transition service writes. */
const ENGINE_FIELDS = [
  'currentStep', 'stateValue', 'stepEnteredAt', 'lockVersion', 'historyHead', 'historySeq', 'warningLevel', 'firstResponseAt', 'returned', 'returnedAt', 'archive', 'archivedAt', 'outcome', 'closedAt', 'definitionVersion', 'processKey', 'number',
  'applicantRef', 'organizationRef', 'assigneeRef',
];
/** Relations only the engine sets (it keeps a copy of each in the order row). */
const ENGINE_RELATIONS = ['applicant', 'organization', 'assignee'];

/** A relation value that changes something (the content manager sends empty connect/disconnect lists on every save). */
const changesRelation = (value: any) =>
  value !== undefined && !(value && typeof value === 'object' && !Array.isArray(value) && !('set' in value) && ['connect', 'disconnect'].every((k) => !value[k]?.length));
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * Nothing but the engine moves an order: the document service (content manager, REST, bulk actions)
 * may not create orders, change their step or version, or touch history and definitions. The engine
 * itself writes through the query engine, below this middleware.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  declareIndexes(strapi);
  strapi.documents.use(async (ctx, next) => {
    if (WRITE_ACTIONS.has(ctx.action)) {
      if (ctx.uid === UIDS.historyEvent || ctx.uid === UIDS.definition || ctx.uid === UIDS.outbox) {
        throw new errors.ForbiddenError('流转记录、流程定义和通知队列只能由流程引擎写入');
      }
      if (ctx.uid === UIDS.auditEntry) throw new errors.ForbiddenError('审计日志只能由系统写入，不能修改或删除');
      if (ctx.uid === UIDS.order) {
        const data = (ctx.params as any)?.data ?? {};
        const touched = [...ENGINE_FIELDS.filter((f) => f in data), ...ENGINE_RELATIONS.filter((f) => changesRelation(data[f]))];
        if (ctx.action !== 'update' || touched.length > 0) {
          throw new errors.ForbiddenError(`工单只能通过流程操作变更（不能直接${ctx.action === 'update' ? `修改 ${touched.join('、')}` : '创建或删除'}）`);
        }
      }
    }
    return next();
  });
};

export default register;
