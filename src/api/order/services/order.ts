import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateForm, type FieldError } from '../../../validation';
import { PROCESSES, APPLICANT_CHANNELS, type Channel, type ProcessEntry } from '../../../workflows/processes';

const ORDER = 'api::order.order';

export interface SubmitInput {
  processKey: unknown;
  channel: unknown;
  formData: unknown;
  /** users-permissions user who applies (own application), or null when staff enter it at the window. */
  applicantId: number | null;
  at?: Date;
}

const fieldError = (path: string[], message: string): FieldError => ({ path, message, name: 'ValidationError' });

const categoryOf = (process: ProcessEntry, form: Record<string, unknown>) =>
  'fixed' in process.category ? process.category.fixed : ((form[process.category.field] as string | undefined) ?? null);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Creates an application in the first step of its process, numbered BZ + day + sequence. All input
   * problems are reported at once (400); nothing is written unless the whole order is.
   */
  async submit(input: SubmitInput) {
    const problems: FieldError[] = [];
    const process = typeof input.processKey === 'string' ? PROCESSES[input.processKey] : undefined;
    if (!process) problems.push(fieldError(['processKey'], `未知的业务流程，可选：${Object.keys(PROCESSES).join('、')}`));

    const fromApplicant = input.applicantId !== null;
    const allowedChannels: Channel[] = fromApplicant ? APPLICANT_CHANNELS : ['window', 'staff-app'];
    const channel = (input.channel ?? allowedChannels[0]) as Channel;
    if (!allowedChannels.includes(channel)) problems.push(fieldError(['channel'], `申请渠道应为：${allowedChannels.join('、')}`));

    let form: Record<string, unknown> = {};
    if (process) {
      const checked = validateForm(process.form, input.formData, ['formData']);
      form = checked.value;
      problems.push(...checked.errors);
    }
    if (problems.length > 0) throw new errors.ValidationError('申请信息有误', { errors: problems });

    const at = input.at ?? new Date();
    const organization = process!.organizationCode
      ? await strapi.db.query('api::organization.organization').findOne({ where: { code: process!.organizationCode }, select: ['id'] })
      : null;

    return strapi.db.transaction(async ({ trx }) => {
      const number = await strapi.service('api::order.order-number').next(trx, at);
      return strapi.db.query(ORDER).create({
        data: {
          number,
          processKey: process!.key,
          definitionVersion: 1,
          applicantType: process!.applicantType,
          category: categoryOf(process!, form),
          channel,
          title: form[process!.titleField] ?? null,
          contactPhone: form[process!.phoneField] ?? null,
          formData: form,
          applicant: input.applicantId,
          organization: organization?.id ?? null,
          currentStep: fromApplicant ? process!.firstStep.applicant : process!.firstStep.window,
          stepEnteredAt: at,
          lockVersion: 1,
        },
      });
    });
  },

  /** The applicant's own orders, newest first. */
  async listForApplicant(applicantId: number, page: number, pageSize: number) {
    const where = { applicant: { id: applicantId } };
    const [results, total] = await Promise.all([
      strapi.db.query(ORDER).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query(ORDER).count({ where }),
    ]);
    return { results, pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
  },

  /** One of the applicant's own orders by number; null for any other, so a caller cannot learn it exists. */
  async findForApplicant(applicantId: number, number: string) {
    return strapi.db.query(ORDER).findOne({ where: { number, applicant: { id: applicantId } } });
  },
});
