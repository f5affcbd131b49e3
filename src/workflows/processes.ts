import type { FormSchema } from '../validation';
import waterEnterpriseForm from './forms/water-enterprise.json';
import waterResidentForm from './forms/water-resident.json';
import energyServiceForm from './forms/energy-service.json';

export type Channel = 'mini-program' | 'official-account' | 'window' | 'staff-app';
export type ApplicantType = 'enterprise' | 'resident';

/**
 * How an application enters each process: its form, where the order starts and which columns of the
 * order are copied out of the form for search. The steps themselves are the workflow engine's
 * definitions (src/plugins/workflow); this is only the way in.
 */
export interface ProcessEntry {
  key: string;
  name: string;
  applicantType: ApplicantType;
  form: FormSchema;
  /** First step for applications the applicant submits, and for those a window clerk enters (reviewed offline). */
  firstStep: { applicant: string; window: string };
  /** Form field holding the category, or a fixed category. */
  category: { field: string } | { fixed: string };
  titleField: string;
  phoneField: string;
  /** Code of the organization that owns new orders; null until dispatch decides. */
  organizationCode: string | null;
}

export const PROCESSES: Record<string, ProcessEntry> = {
  'water-enterprise': {
    key: 'water-enterprise',
    name: '企业单位报装',
    applicantType: 'enterprise',
    form: waterEnterpriseForm as FormSchema,
    firstStep: { applicant: 'review', window: 'dispatch' },
    category: { field: 'connectionType' },
    titleField: 'unitName',
    phoneField: 'contactPhone',
    organizationCode: 'WATER',
  },
  'water-resident': {
    key: 'water-resident',
    name: '居民报装',
    applicantType: 'resident',
    form: waterResidentForm as FormSchema,
    firstStep: { applicant: 'review', window: 'survey' },
    category: { fixed: '永久性用水' },
    titleField: 'name',
    phoneField: 'contactPhone',
    organizationCode: 'WATER',
  },
  'energy-service': {
    key: 'energy-service',
    name: '企业能效服务',
    applicantType: 'enterprise',
    form: energyServiceForm as FormSchema,
    firstStep: { applicant: 'pre-review', window: 'pre-review' },
    category: { field: 'category' },
    titleField: 'name',
    phoneField: 'contactPhone',
    organizationCode: null,
  },
};

export const APPLICANT_CHANNELS: Channel[] = ['mini-program', 'official-account'];
