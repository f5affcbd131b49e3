import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: the applicant-facing settings. */
export interface Settings {
  sms: { signName: string; templates: Record<string, string>; included: number; price: number };
  officeHours: string;
  warningPercents: [number, number, number];
  /** Percent of the step's time limit after which applicants may urge. */
  urgeAfterPercent: number;
  /** Staff notices that also go out by SMS. */
  staffSms: { urge: boolean; assignment: boolean; warning: boolean };
}

export const getSettings = async () =>
  (await getFetchClient().get<{ data: Settings; meta: { events: string[] } }>('/workflow/settings')).data;

export const saveSettings = async (settings: Settings) =>
  (await getFetchClient().put<{ data: Settings }>('/workflow/settings', settings)).data.data;
