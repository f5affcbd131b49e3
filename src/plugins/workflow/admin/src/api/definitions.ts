import { getFetchClient } from '@strapi/strapi/admin';

/** One function per endpoint: process definitions, their versions, validation and publishing. */
const BASE = '/workflow/definitions';

export interface Problem {
  path: string[];
  message: string;
}

export const listDefinitions = async () =>
  (
    await getFetchClient().get<{
      data: Array<{ key: string; version: number; name: string; spec: any }>;
      meta: { roles: string[]; roleLabels: Record<string, string>; fileKinds: string[] };
    }>(BASE)
  ).data;

export const listVersions = async (key: string) =>
  (
    await getFetchClient().get<{
      data: Array<{ version: number; source: string; createdAt: string; orders: number; openOrders: number }>;
    }>(`${BASE}/${key}/versions`)
  ).data.data;

export const getVersion = async (key: string, version: number) =>
  (
    await getFetchClient().get<{ data: { key: string; version: number; spec: any } }>(
      `${BASE}/${key}/versions/${version}`,
    )
  ).data.data;

export const validateDefinition = async (spec: any) =>
  (await getFetchClient().post<{ data: { errors: Problem[] } }>(`${BASE}/validate`, spec)).data.data.errors;

/** Publishes; answers the new version, or the problems when the engine refuses it. */
export const publishDefinition = async (
  spec: any,
): Promise<{ version?: number; created?: boolean; errors?: Problem[] }> => {
  try {
    const res = await getFetchClient().post<{ data: { version: number; created: boolean } }>(BASE, spec);
    return res.data.data;
  } catch (error: any) {
    const details = error?.response?.data?.error?.details;
    if (details?.errors) return { errors: details.errors };
    throw error;
  }
};
