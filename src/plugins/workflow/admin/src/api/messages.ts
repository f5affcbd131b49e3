import { getFetchClient } from '@strapi/strapi/admin';
import type { MessagePage, Page } from '../../../shared/api-types';

/** One function per endpoint: the staff member's messages, and the administrators' notification pages. */
const BASE = '/workflow';

export interface Me {
  name: string;
  roles: string[];
  superAdmin: boolean;
  /** The workflow's permissions the caller's admin roles hold (server/src/rbac.ts, by name). */
  permissions: string[];
}

export interface DeadLetter {
  id: number;
  number: string | null;
  channel: 'sms' | 'message' | 'wechat';
  audience: string;
  template: string;
  /** What the notification says, as its in-app message would. */
  title: string;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

export interface SmsUsage {
  included: number;
  price: number;
  used: number;
  left: number;
  overage: number;
  cost: number;
  months: Array<{ month: string; sent: number; overage: number; cost: number }>;
}

export const getMe = async () => (await getFetchClient().get<{ data: Me }>(`${BASE}/me`)).data.data;

export const listMessages = async (page: number) =>
  (await getFetchClient().get<MessagePage>(`${BASE}/messages`, { params: { page, pageSize: 20 } })).data;

export const unreadCount = async () =>
  (await getFetchClient().get<{ data: { unread: number } }>(`${BASE}/messages/unread`)).data.data.unread;

export const markRead = async (id: number) =>
  (await getFetchClient().post<{ data: { unread: number } }>(`${BASE}/messages/${id}/read`)).data.data;

export const markAllRead = async () => (await getFetchClient().post(`${BASE}/messages/read-all`)).data;

export const listDeadLetters = async (page: number) =>
  (await getFetchClient().get<Page<DeadLetter>>(`${BASE}/notifications/dead`, { params: { page, pageSize: 20 } })).data;

export const retryNotification = async (id: number) =>
  (await getFetchClient().post(`${BASE}/notifications/${id}/retry`)).data;

export const getSmsUsage = async () =>
  (await getFetchClient().get<{ data: SmsUsage }>(`${BASE}/notifications/sms-usage`)).data.data;
