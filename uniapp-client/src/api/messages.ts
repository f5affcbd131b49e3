import { get, post } from '@/http/request';
import type { Article, MessagePage } from './types';
import type { Audience } from '@/stores/session';

/**
 * In-app messages (an applicant's on the content API, a staff member's on the admin API), an order's
 * knowledge articles, and the subscribe-message templates: one function per endpoint.
 */
const BASE = '/api/workflow';
const messagesBase = (audience: Audience) => (audience === 'staff' ? '/workflow' : BASE);

export const listMessages = (params: Record<string, unknown>, audience: Audience = 'applicant') =>
  get<MessagePage>(`${messagesBase(audience)}/messages`, params);

export const markMessageRead = (id: number, audience: Audience = 'applicant') =>
  post<{ data: { unread: number } }>(`${messagesBase(audience)}/messages/${id}/read`);

export const markAllMessagesRead = (audience: Audience = 'applicant') =>
  post<{ data: { unread: number } }>(`${messagesBase(audience)}/messages/read-all`);

export const listArticles = (number: string) => get<{ data: Article[] }>(`${BASE}/orders/${number}/articles`);

export const getSubscriptionTemplates = () => get<{ data: { templateIds: string[] } }>(`${BASE}/subscriptions`);
