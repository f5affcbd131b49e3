import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: organizations and staff profiles, for administrators. */
const BASE = '/workflow/directory';

export interface Organization {
  id: number;
  name: string;
  code: string;
  type: string;
  parent: number | null;
}

export interface StaffProfile {
  id: number;
  name: string;
  email: string | null;
  organization: { id: number; name: string } | null;
  jobRoles: string[];
  mobile: string | null;
  capacity: number;
  active: boolean;
}

export const listDirectoryOrganizations = async () =>
  (await getFetchClient().get<{ data: Organization[] }>(`${BASE}/organizations`)).data.data;

export const createOrganization = async (body: { name: string; code: string; type: string; parent: number | null }) =>
  (await getFetchClient().post(`${BASE}/organizations`, body)).data;

export const updateOrganization = async (id: number, body: { name: string; parent: number | null }) =>
  (await getFetchClient().put(`${BASE}/organizations/${id}`, body)).data;

export const listStaffProfiles = async () =>
  (await getFetchClient().get<{ data: StaffProfile[] }>(`${BASE}/staff`)).data.data;

export const createStaffProfile = async (body: Record<string, unknown>) =>
  (await getFetchClient().post(`${BASE}/staff`, body)).data;

export const updateStaffProfile = async (id: number, body: Record<string, unknown>) =>
  (await getFetchClient().put(`${BASE}/staff/${id}`, body)).data;
