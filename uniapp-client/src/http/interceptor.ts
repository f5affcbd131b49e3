import { API_BASE } from './config';
import { useSessionStore } from '@/stores/session';

/** Relative API paths get the configured origin; absolute URLs (uploads to elsewhere) are left alone. */
export const withBase = (url: string) => (/^https?:\/\//.test(url) ? url : `${API_BASE}${url}`);

/** Adds the origin and the signed-in person's token to every request, upload and download. */
export const invoke = (args: { url: string; header?: Record<string, string> }) => {
  args.url = withBase(args.url);
  const { token } = useSessionStore();
  if (token && !args.header?.Authorization) args.header = { ...args.header, Authorization: `Bearer ${token}` };
};

export const installInterceptor = () => {
  for (const api of ['request', 'uploadFile', 'downloadFile']) uni.addInterceptor(api, { invoke });
};
