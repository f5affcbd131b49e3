import type { Core } from '@strapi/strapi';
import { badRequest, type FieldProblem } from '../errors';
import { parseOfficeHours } from '../engine/calendar';
import type { StaffSms, WorkflowConfig } from '../config';

/** What administrators change in the panel, over the configuration's defaults. */
export interface Settings {
  sms: { signName: string; templates: Record<string, string>; included: number; price: number };
  officeHours: string;
  warningPercents: [number, number, number];
  urgeAfterPercent: number;
  staffSms: StaffSms;
}

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'workflow', key: 'settings' });

/**
 * Settings kept in the database and laid over the configuration: SMS sign name, template codes,
 * package and price, office hours and warning percentages. Every instance reloads them before its
 * scheduled jobs, so a change reaches them all within a round.
 */
const settings = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::workflow') as WorkflowConfig;
  const current = (): Settings => {
    const c = config();
    return {
      sms: { signName: c.sms.signName, templates: c.sms.templates, included: c.sms.included, price: c.sms.price },
      officeHours: c.officeHours,
      warningPercents: c.warningPercents,
      urgeAfterPercent: c.urgeAfterPercent,
      staffSms: c.staffSms,
    };
  };
  const apply = (s: Partial<Settings>) => {
    const c = config();
    if (s.sms) strapi.config.set('plugin::workflow.sms', { ...c.sms, ...s.sms });
    if (s.officeHours) strapi.config.set('plugin::workflow.officeHours', s.officeHours);
    if (s.warningPercents) strapi.config.set('plugin::workflow.warningPercents', s.warningPercents);
    if (s.urgeAfterPercent !== undefined) strapi.config.set('plugin::workflow.urgeAfterPercent', s.urgeAfterPercent);
    if (s.staffSms) strapi.config.set('plugin::workflow.staffSms', { ...c.staffSms, ...s.staffSms });
  };

  return {
    get: current,

    async refresh() {
      const stored = (await store(strapi).get({})) as Partial<Settings> | null;
      if (stored) apply(stored);
    },

    async save(input: Record<string, any>): Promise<Settings> {
      const problems: FieldProblem[] = [];
      const sms = input.sms ?? {};
      if (typeof sms.signName !== 'string' || sms.signName.length > 20)
        problems.push({ path: ['sms', 'signName'], message: '短信签名应为20字以内' });
      if (
        !sms.templates ||
        typeof sms.templates !== 'object' ||
        Object.values(sms.templates).some((v) => typeof v !== 'string' || (v !== '' && !/^SMS_\w{1,60}$/.test(v)))
      ) {
        problems.push({ path: ['sms', 'templates'], message: '短信模板代码应形如 SMS_123456789' });
      }
      if (!Number.isInteger(sms.included) || sms.included < 0)
        problems.push({ path: ['sms', 'included'], message: '套餐条数应为不小于0的整数' });
      if (typeof sms.price !== 'number' || !(sms.price >= 0) || sms.price > 10)
        problems.push({ path: ['sms', 'price'], message: '单价应为0–10元' });
      try {
        if (!/^\d{2}:\d{2}-\d{2}:\d{2}$/.test(String(input.officeHours))) throw new Error();
        parseOfficeHours(String(input.officeHours));
      } catch {
        problems.push({ path: ['officeHours'], message: '办公时间应形如 09:00-17:00，结束晚于开始' });
      }
      const p = input.warningPercents;
      if (!(
        Array.isArray(p) &&
        p.length === 3 &&
        p.every((n: unknown, i: number) => typeof n === 'number' && n > 0 && (i === 0 || n > p[i - 1]))
      )) {
        problems.push({ path: ['warningPercents'], message: '预警比例应为三个递增的正数，如 80、100、200' });
      }
      const urgeAfterPercent = input.urgeAfterPercent ?? current().urgeAfterPercent;
      if (!Number.isInteger(urgeAfterPercent) || urgeAfterPercent < 0 || urgeAfterPercent > 100)
        problems.push({ path: ['urgeAfterPercent'], message: '可催办时间应为办理时限的0–100%' });
      const staffSms = { ...current().staffSms, ...(input.staffSms ?? {}) };
      if (Object.values(staffSms).some((v) => typeof v !== 'boolean'))
        problems.push({ path: ['staffSms'], message: '员工短信开关应为是或否' });
      if (problems.length) throw badRequest('设置有误', problems);
      const next: Settings = {
        sms: {
          signName: sms.signName,
          templates: Object.fromEntries(Object.entries(sms.templates).filter(([, v]) => v)) as Record<string, string>,
          included: sms.included,
          price: sms.price,
        },
        officeHours: input.officeHours,
        warningPercents: p,
        urgeAfterPercent,
        staffSms: { urge: staffSms.urge, assignment: staffSms.assignment, warning: staffSms.warning },
      };
      await store(strapi).set({ value: next });
      apply(next);
      return current();
    },
  };
};

export default settings;
