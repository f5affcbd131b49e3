import type { Core } from '@strapi/strapi';
import { engineWrittenUids } from './domain';
import { forbidden } from './errors';

/** The answer to any write of domain data outside the workflow's own APIs. */
export const READ_ONLY_MESSAGE =
  '工单及其记录、员工档案和机构只能通过业务办理和机构人员管理页面修改，内容管理中只能查看';

/**
 * Orders, their records, staff profiles and organizations: they change only through the workflow's own APIs,
 * which check scope and write history; the document service (content manager, REST) only reads them.
 */
export const isDomainData = (uid: unknown) => engineWrittenUids().includes(uid as string);

export const READ_ONLY_POLICY = 'plugin::workflow.domain-read-only';

/** Route policy: refuses a content-manager write of domain data with the reason, whatever the caller's role. */
export const domainReadOnly = (ctx: any) => {
  if (isDomainData(ctx.params?.model)) throw forbidden(READ_ONLY_MESSAGE);
  return true;
};

// Content-manager routes that write nothing although they are POSTs.
const READS = /(bulkFindForValidation|countDraftRelations|countManyEntriesDraftRelations)$/;

/**
 * The document service refuses these writes for everyone (register.ts); this policy says why before the
 * content manager's own permission check, which would answer a bare "Policy Failed" to roles without the right.
 */
export const guardContentManagerWrites = (strapi: Core.Strapi) => {
  const routers = Object.values((strapi.plugin('content-manager') as any).routes ?? {}) as Array<{ routes?: any[] }>;
  for (const route of routers.flatMap((r) => r.routes ?? [])) {
    if (route.method === 'GET' || !String(route.path).includes(':model') || READS.test(String(route.handler))) continue;
    const policies = route.config?.policies ?? [];
    const authenticated = policies.indexOf('admin::isAuthenticatedAdmin');
    policies.splice(authenticated + 1, 0, READ_ONLY_POLICY);
    route.config = { ...route.config, policies };
  }
};
