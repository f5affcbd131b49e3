import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: the dashboard's figures, its staff table as Excel, the organizations to filter by. */
const BASE = '/workflow';

export type MetricsParams = {
  from: string;
  to: string;
  organization?: string;
  process?: string;
  category?: string;
  person?: string;
};

export interface Dashboard {
  indicators: {
    created: number;
    completed: number;
    completionRate: number | null;
    avgCycleHours: number | null;
    avgHandlingHours: number | null;
    saturation: number | null;
    firstResponseHours: number | null;
    onTimeRate: number | null;
    overdueNow: number;
    warnings: Record<'1' | '2' | '3', number>;
    returnRejectRate: number | null;
    satisfaction: { average: number | null; count: number };
    exceptions: number;
    urges: number;
    sms: { sent: number; overage: number; cost: number };
  };
  responseComparison: { current: number | null; previous: number | null; change: number | null };
  charts: {
    weekly: Array<{ week: string; created: number; completed: number }>;
    cycleByStep: Array<{ step: string; hours: number }>;
    byCategory: Array<{ name: string; value: number }>;
    byChannel: Array<{ name: string; value: number }>;
    slaHeat: Array<{ step: string; onTimeRate: number | null; warnings: [number, number, number] }>;
  };
  staff: Array<{
    id: number;
    name: string;
    organization: string | null;
    handled: number;
    avgHandlingHours: number | null;
    onTimeRate: number | null;
    openLoad: number;
    capacity: number;
    saturation: number;
    satisfaction: number | null;
  }>;
}

const clean = (p: MetricsParams) => Object.fromEntries(Object.entries(p).filter(([, v]) => v));

export const getDashboard = async (params: MetricsParams) =>
  (await getFetchClient().get<{ data: Dashboard }>(`${BASE}/metrics`, { params: clean(params) })).data.data;

export const exportStaff = async (params: MetricsParams) =>
  (await getFetchClient().get(`${BASE}/metrics/staff/export`, { params: clean(params), responseType: 'blob' })).data;

export const listOrganizations = async () =>
  (
    await getFetchClient().get<{ data: Array<{ id: number; name: string; code: string; parent: number | null }> }>(
      `${BASE}/organizations`,
    )
  ).data.data;
