/** The workflow plugin's settings; the app sets them in config/plugins.ts from the environment. */
import { domainProblem, type DomainFacts } from './domain';

export interface StaffSms {
  urge: boolean;
  assignment: boolean;
  warning: boolean;
}

export interface WorkflowConfig {
  /** The app's content types and functions the engine works on (domain.ts). */
  domain: DomainFacts;
  definitionsDir: string;
  rulesDir: string;
  /** node-cron expressions; false switches a job off. */
  timersCron: string | false;
  outboxCron: string | false;
  slaCron: string | false;
  /** Sums the days that are over for the dashboard (dashboard/rollups.ts). */
  rollupCron: string | false;
  outbox: { batchSize: number; leaseSeconds: number; maxAttempts: number; backoffSeconds: number };
  /** Percent of a step's threshold at which warning levels 1, 2 and 3 fire. */
  warningPercents: [number, number, number];
  /** Percent of the current step's threshold after which its applicant may urge (催办). */
  urgeAfterPercent: number;
  /** Which staff notices also go out as SMS to the staff member's mobile: urges, new work, warnings. */
  staffSms: StaffSms;
  /**
   * Lists count their matches exactly up to this many, or `pagesAhead` pages past the one asked for,
   * and say `totalAtLeast` beyond (an exact count of a large list reads every match).
   */
  listCount: { cap: number; pagesAhead: number };
  /** Office hours in China time for thresholds counted in working hours, e.g. 09:00-17:00. */
  officeHours: string;
  sms: {
    provider: 'log' | 'aliyun';
    accessKeyId?: string;
    accessKeySecret?: string;
    /** host[:port]; the SDK's default when empty. */
    endpoint?: string;
    protocol: 'HTTPS' | 'HTTP';
    signName: string;
    /** Template code per notification template (event). */
    templates: Record<string, string>;
    /** Messages included in the package, and the price of each one beyond it (CNY). */
    included: number;
    price: number;
  };
  /** The credentials and API base are the app's `wechat` config, shared with the mini-program login. */
  wechat: {
    /**
     * Per notification template: the subscribe-message template id and which payload value fills each
     * of its keys (e.g. {character_string1: 'number', thing2: 'stepLabel'}); and the page it opens.
     */
    templates: Record<string, { id: string; fields?: Record<string, string> }>;
    page: string;
  };
}

export default {
  default: {
    definitionsDir: 'src/workflows/definitions',
    rulesDir: 'src/workflows/rules',
    timersCron: '*/10 * * * *',
    outboxCron: '*/5 * * * * *',
    slaCron: '0 * * * * *',
    rollupCron: '10 * * * *',
    outbox: { batchSize: 50, leaseSeconds: 60, maxAttempts: 6, backoffSeconds: 30 },
    warningPercents: [80, 100, 200],
    urgeAfterPercent: 50,
    staffSms: { urge: false, assignment: false, warning: false },
    listCount: { cap: 1000, pagesAhead: 5 },
    officeHours: '09:00-17:00',
    sms: { provider: 'log', protocol: 'HTTPS', signName: '', templates: {}, included: 20000, price: 0.05 },
    wechat: { templates: {}, page: 'pages/orders/detail' },
  } satisfies Omit<WorkflowConfig, 'domain'>,
  validator(config: Partial<WorkflowConfig>) {
    const problem = domainProblem(config.domain);
    if (problem) throw new Error(problem);
    for (const key of ['timersCron', 'outboxCron', 'slaCron', 'rollupCron'] as const) {
      if (config[key] !== undefined && config[key] !== false && typeof config[key] !== 'string')
        throw new Error(`workflow.${key} must be a cron expression or false`);
    }
    const p = config.warningPercents;
    if (p && !(p.length === 3 && p.every((n, i) => Number.isFinite(n) && n > 0 && (i === 0 || n > p[i - 1])))) {
      throw new Error('workflow.warningPercents must be three increasing percentages, e.g. [80, 100, 200]');
    }
    if (config.officeHours && !/^\d{2}:\d{2}-\d{2}:\d{2}$/.test(config.officeHours))
      throw new Error('workflow.officeHours must look like 09:00-17:00');
    if (config.sms && !['log', 'aliyun'].includes(config.sms.provider))
      throw new Error('workflow.sms.provider must be log or aliyun');
  },
};
