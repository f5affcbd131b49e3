import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint of the workflow's staff API. */

export type { ActionInfo, Elapsed, FormField, ListParams, OrderRow, OrderView } from '../../../shared/api-types';
import type { FormField, ListParams, OrderRow, OrderView, Page } from '../../../shared/api-types';

const BASE = '/workflow';

/** Query parameters without the empty ones. */
export const clean = (params: object) =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== false));

export const listOrders = async (params: ListParams) =>
  (await getFetchClient().get<Page<OrderRow>>(`${BASE}/orders`, { params: clean(params) })).data;

export const countOrders = async () =>
  (
    await getFetchClient().get<{ data: { mine: number; handled: number; all: number; overdue: number } }>(
      `${BASE}/orders/counts`,
    )
  ).data.data;

export const getOrder = async (number: string) =>
  (await getFetchClient().get<{ data: OrderView }>(`${BASE}/orders/${number}`)).data.data;

export const performAction = async (number: string, action: string, version: number, form: Record<string, unknown>) =>
  (await getFetchClient().post(`${BASE}/orders/${number}/actions/${action}`, { version, form })).data;

/** 督办: a note to the order's handlers and department administrators. */
export const superviseOrder = async (number: string, note: string) =>
  (await getFetchClient().post(`${BASE}/orders/${number}/supervise`, { note })).data;

/** 改派: who may take over the current step, and giving it to one of them. */
export const reassignChoices = async (number: string) =>
  (
    await getFetchClient().get<{ data: Array<{ id: number; name: string; current: boolean }> }>(
      `${BASE}/orders/${number}/reassign`,
    )
  ).data.data;

export const reassignOrder = async (number: string, version: number, assignee: number, reason: string) =>
  (
    await getFetchClient().post<{ data: { version: number; assignee: { id: number; name: string } } }>(
      `${BASE}/orders/${number}/reassign`,
      { version, assignee, reason },
    )
  ).data;

/** 更正申请信息: the whole corrected application data with the reason. */
export const correctOrder = async (
  number: string,
  version: number,
  formData: Record<string, unknown>,
  reason: string,
) => (await getFetchClient().post(`${BASE}/orders/${number}/correction`, { version, formData, reason })).data;

export const uploadFile = async (number: string, kind: string, name: string, file: File) => {
  const body = new FormData();
  body.append('kind', kind);
  body.append('name', name);
  body.append('file', file);
  return (await getFetchClient().post(`${BASE}/orders/${number}/files`, body)).data;
};

export const assigneeChoices = async (number: string, role: string) =>
  (
    await getFetchClient().get<{ data: Array<{ id: number; name: string }> }>(`${BASE}/orders/${number}/assignees`, {
      params: { role },
    })
  ).data.data;

export const listColleagues = async () =>
  (await getFetchClient().get<{ data: Array<{ id: number; name: string }> }>(`${BASE}/staff`)).data.data;

export const downloadArchive = async (number: string) =>
  (await getFetchClient().get(`${BASE}/orders/${number}/archive`, { responseType: 'blob' })).data;

export const verifyChain = async (number: string) =>
  (
    await getFetchClient().get<{ data: { valid: boolean; events: number; brokenAt?: number; reason?: string } }>(
      `${BASE}/orders/${number}/verify`,
    )
  ).data.data;

export const downloadFile = async (number: string, fileId: number) =>
  (await getFetchClient().get(`${BASE}/orders/${number}/files/${fileId}`, { responseType: 'blob' })).data;

export const exportOrders = async (params: ListParams) =>
  (await getFetchClient().get(`${BASE}/orders/export`, { params: clean(params), responseType: 'blob' })).data;

export const listProcesses = async () =>
  (
    await getFetchClient().get<{ data: Array<{ key: string; name: string; spec: { form: { fields: FormField[] } } }> }>(
      `${BASE}/definitions`,
    )
  ).data.data;

export const createOrder = async (body: {
  processKey: string;
  formData: Record<string, unknown>;
  applicantMobile?: string;
  applicantName?: string;
}) => (await getFetchClient().post<{ data: OrderView }>(`${BASE}/orders`, body)).data.data;

/** The engine's error, as the user should read it: message, per-field problems, missing files. */
export const explain = (
  error: any,
): {
  message: string;
  fields: Record<string, string>;
  status?: number;
  missing?: Array<{ label: string; min: number; have: number }>;
} => {
  const e = error?.response?.data?.error ?? {};
  const fields: Record<string, string> = {};
  for (const p of e.details?.errors ?? []) fields[(p.path ?? []).slice(-1)[0] ?? ''] = p.message;
  const status = e.status ?? error?.status;
  const message =
    status === 409
      ? '此工单已被他人处理（版本已变化），请刷新页面查看最新状态后再操作。'
      : status === 404
        ? '此工单已被他人处理并转到其他环节，您已不能办理。请返回工单中心。'
        : (e.message ?? error?.message ?? '操作失败');
  return { message, fields, status, missing: e.details?.missing };
};
