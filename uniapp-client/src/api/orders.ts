import { get, post } from '@/http/request';
import { uploadFile } from '@/http/upload';
import type { ActionResult, ListParams, OrderRow, OrderView, Page, Process } from './types';

/** The applicant's workflow API (`/api/workflow`): one function per endpoint. */
const BASE = '/api/workflow';

export const listProcesses = () => get<{ data: Process[] }>(`${BASE}/processes`);

export const createOrder = (
  body: { processKey: string; channel: string; formData: Record<string, unknown> },
  idempotencyKey: string,
) => post<{ data: OrderView }>(`${BASE}/orders`, body, { header: { 'Idempotency-Key': idempotencyKey }, silent: true });

export const listOrders = (params: ListParams) => get<Page<OrderRow>>(`${BASE}/orders`, params);

export const getOrder = (number: string) => get<{ data: OrderView }>(`${BASE}/orders/${number}`);

export const performAction = (number: string, action: string, version: number, form: Record<string, unknown>) =>
  post<{ data: ActionResult }>(`${BASE}/orders/${number}/actions/${action}`, { version, form }, { silent: true });

export const withdrawOrder = (number: string, version: number) =>
  post<{ data: ActionResult }>(`${BASE}/orders/${number}/withdraw`, { version });

export const urgeOrder = (number: string) => post<{ data: unknown }>(`${BASE}/orders/${number}/urge`);

export const uploadOrderFile = (
  number: string,
  kind: string,
  name: string,
  filePath: string,
  onProgress?: (percent: number) => void,
) =>
  uploadFile<{ id: number }>({ url: `${BASE}/orders/${number}/files`, filePath, formData: { kind, name }, onProgress });

export const orderFileUrl = (number: string, fileId: number) => `${BASE}/orders/${number}/files/${fileId}`;
