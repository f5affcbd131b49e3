import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UIDS } from './constants';
import { declareIndexes } from './indexes';
import { forbidden } from './errors';
import { guardContentManagerWrites, isDomainData, READ_ONLY_MESSAGE } from './read-only';

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

/**
 * Nothing but the engine moves an order: the document service (content manager, REST, bulk actions)
 * may not write orders or their records, staff profiles, organizations, history or definitions. The
 * engine and the directory write through the query engine, below this middleware.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  declareIndexes(strapi);
  guardContentManagerWrites(strapi);
  strapi.documents.use(async (ctx, next) => {
    if (WRITE_ACTIONS.has(ctx.action)) {
      if (ctx.uid === UIDS.historyEvent || ctx.uid === UIDS.definition || ctx.uid === UIDS.outbox) {
        throw new errors.ForbiddenError('流转记录、流程定义和通知队列只能由流程引擎写入');
      }
      if (ctx.uid === UIDS.auditEntry) throw new errors.ForbiddenError('审计日志只能由系统写入，不能修改或删除');
      if (isDomainData(ctx.uid)) throw forbidden(READ_ONLY_MESSAGE);
    }
    return next();
  });
};

export default register;
