import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: contract templates and an order's contract draft. */
export interface ContractTemplate {
  id: number;
  name: string;
  processKey: string | null;
  placeholders: string[] | null;
}

export const listTemplates = async () =>
  (await getFetchClient().get<{ data: ContractTemplate[] }>('/workflow/contract-templates')).data.data;

export const uploadTemplate = async (name: string, processKey: string, file: File) => {
  const body = new FormData();
  body.append('name', name);
  body.append('processKey', processKey);
  body.append('file', file);
  return (await getFetchClient().post<{ data: ContractTemplate }>('/workflow/contract-templates', body)).data.data;
};

export const draftContract = async (number: string, templateId: number) =>
  (await getFetchClient().post(`/workflow/orders/${number}/contract-draft`, { templateId })).data;
