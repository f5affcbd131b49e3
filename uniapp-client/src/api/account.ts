import { get, post, put } from '@/http/request';

/** Applicant accounts: one function per endpoint. */

export interface ApplicantUser {
  id: number;
  username: string;
  email: string | null;
  mobile: string | null;
  realName: string | null;
  applicantType: 'enterprise' | 'resident' | null;
  enterpriseName: string | null;
  creditCode: string | null;
}

export interface SignedIn {
  jwt: string;
  user: ApplicantUser;
  needsMobile?: boolean;
}

export interface Registration {
  username: string;
  email: string;
  password: string;
  mobile: string;
  applicantType: 'enterprise' | 'resident';
  realName?: string;
  enterpriseName?: string;
  creditCode?: string;
}

export const loginWithMobile = (mobile: string, password: string) =>
  post<SignedIn>('/api/account/login', { mobile, password }, { silent: true });

export const loginWithWechat = (code: string) => post<SignedIn>('/api/account/wechat-login', { code });

export const register = (body: Registration) => post<SignedIn>('/api/auth/local/register', body, { silent: true });

export const bindMobile = (mobile: string) =>
  post<{ data: ApplicantUser }>('/api/account/bind-mobile', { mobile }, { silent: true });

export const getMe = () => get<{ data: ApplicantUser }>('/api/account/me');

export const updateMe = (
  patch: Partial<Pick<ApplicantUser, 'realName' | 'enterpriseName' | 'creditCode' | 'applicantType'>>,
) => put<{ data: ApplicantUser }>('/api/account/me', patch, { silent: true });
