import { get, post } from '@/http/request';
import type { Article, MessagePage } from './types';

/** The applicant's messages, an order's knowledge articles, and the subscribe-message templates: one function per endpoint. */
const BASE = '/api/workflow';

export const listMessages = (params: Record<string, unknown>) => get<MessagePage>(`${BASE}/messages`, params);

export const markMessageRead = (id: number) => post<{ data: { unread: number } }>(`${BASE}/messages/${id}/read`);

export const markAllMessagesRead = () => post<{ data: { unread: number } }>(`${BASE}/messages/read-all`);

export const listArticles = (number: string) => get<{ data: Article[] }>(`${BASE}/orders/${number}/articles`);

export const getSubscriptionTemplates = () => get<{ data: { templateIds: string[] } }>(`${BASE}/subscriptions`);
