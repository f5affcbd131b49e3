import { mobileProblem, normalizeMobile, validateForm } from '../validation';

/**
 * This utility's facts for the workflow engine (src/plugins/workflow/server/src/domain.ts): which of the
 * app's content types play which part, how orders are numbered, how forms and mobile numbers are checked.
 * Given in config/plugins.ts.
 */
export const workflowDomain = {
  contentTypes: {
    order: 'api::order.order',
    orderFile: 'api::order-file.order-file',
    contract: 'api::contract.contract',
    payment: 'api::payment.payment',
    surveyRecord: 'api::survey-record.survey-record',
    progressReport: 'api::progress-report.progress-report',
    signature: 'api::signature.signature',
    evaluation: 'api::evaluation.evaluation',
    message: 'api::message.message',
    staff: 'api::staff-profile.staff-profile',
    organization: 'api::organization.organization',
    contractTemplate: 'api::contract-template.contract-template',
    knowledgeArticle: 'api::knowledge-article.knowledge-article',
  },
  numbering: 'api::order.order-number',
  validateForm,
  normalizeMobile,
  mobileProblem,
};
