import { ApiError, toApiError, toastText } from './errors';
import { LOGIN_PAGES } from './config';
import { useSessionStore } from '@/stores/session';

export interface RequestOptions {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  data?: unknown;
  header?: Record<string, string>;
  /** The caller shows the error itself (forms put field problems beside the fields). */
  silent?: boolean;
}

/** The session ended on the server: forget it and send the person to the right sign-in page. */
export const signInAgain = () => {
  const session = useSessionStore();
  const page = session.audience === 'staff' ? LOGIN_PAGES.staff : LOGIN_PAGES.applicant;
  session.signOut();
  uni.showToast({ title: '登录已过期，请重新登录', icon: 'none' });
  uni.reLaunch({ url: page });
};

/**
 * Settles a reply: 2xx gives the body; 401 signs the person out (except on the sign-in calls,
 * where it means a wrong password); anything else becomes an ApiError shown as a Chinese toast.
 */
export const settle = <T>(statusCode: number, body: unknown, options: { silent?: boolean; url: string }): T => {
  if (statusCode >= 200 && statusCode < 300) return body as T;
  const error = toApiError(statusCode, body);
  if (statusCode === 401 && useSessionStore().token && !/\/login$/.test(options.url)) {
    signInAgain();
    throw error;
  }
  if (!options.silent) uni.showToast({ title: toastText(error), icon: 'none', duration: 3000 });
  throw error;
};

export const http = <T>(options: RequestOptions): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    uni.request({
      url: options.url,
      method: options.method ?? 'GET',
      data: options.data as any,
      header: { 'Content-Type': 'application/json', ...options.header },
      success: (res) => {
        try {
          resolve(settle<T>(res.statusCode, res.data, options));
        } catch (error) {
          reject(error);
        }
      },
      fail: () => {
        const error = new ApiError('网络不可用，请检查网络后重试', 0);
        if (!options.silent) uni.showToast({ title: error.message, icon: 'none' });
        reject(error);
      },
    });
  });

export const get = <T>(url: string, data?: Record<string, unknown>, options: Partial<RequestOptions> = {}) =>
  http<T>({
    ...options,
    url,
    method: 'GET',
    data: data && Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== '')),
  });

export const post = <T>(url: string, data?: unknown, options: Partial<RequestOptions> = {}) =>
  http<T>({ ...options, url, method: 'POST', data });

export const put = <T>(url: string, data?: unknown, options: Partial<RequestOptions> = {}) =>
  http<T>({ ...options, url, method: 'PUT', data });
