import { get, post } from '@/http/request';
import { uploadFile } from '@/http/upload';
import type { ActionResult, ListParams, OrderRow, OrderView, Page } from './types';

/** The staff's workflow API (`/workflow`, admin JWT): one function per endpoint. */
const BASE = '/workflow';

export interface StaffSignIn {
  data: { token: string; user: { id: number; firstname: string | null; lastname: string | null; email: string } };
}

export const staffLogin = (email: string, password: string) =>
  post<StaffSignIn>('/admin/login', { email, password }, { silent: true });

export const listTasks = (params: ListParams) => get<Page<OrderRow>>(`${BASE}/orders`, params);

export const countTasks = () =>
  get<{ data: { mine: number; handled: number; all: number; overdue: number } }>(`${BASE}/orders/counts`);

export const getTask = (number: string) => get<{ data: OrderView }>(`${BASE}/orders/${number}`);

export const performStaffAction = (number: string, action: string, version: number, form: Record<string, unknown>) =>
  post<{ data: ActionResult }>(`${BASE}/orders/${number}/actions/${action}`, { version, form }, { silent: true });

export const assigneeChoices = (number: string, role: string) =>
  get<{ data: Array<{ id: number; name: string }> }>(`${BASE}/orders/${number}/assignees`, { role });

export const uploadStaffFile = (
  number: string,
  kind: string,
  name: string,
  filePath: string,
  onProgress?: (percent: number) => void,
) =>
  uploadFile<{ id: number }>({ url: `${BASE}/orders/${number}/files`, filePath, formData: { kind, name }, onProgress });

export const staffFileUrl = (number: string, fileId: number) => `${BASE}/orders/${number}/files/${fileId}`;
