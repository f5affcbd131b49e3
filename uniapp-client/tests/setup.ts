import { beforeEach, vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { createPersistedState } from 'pinia-plugin-persistedstate';
import { uniStorage } from '@/stores';

/** uni's storage, kept in a Map so persistence can be observed. */
export const storage = new Map<string, unknown>();

const makeUni = () => ({
  request: vi.fn(),
  uploadFile: vi.fn(),
  downloadFile: vi.fn(),
  addInterceptor: vi.fn(),
  showToast: vi.fn(),
  showLoading: vi.fn(),
  hideLoading: vi.fn(),
  reLaunch: vi.fn(),
  switchTab: vi.fn(),
  navigateTo: vi.fn(),
  getStorageSync: vi.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: vi.fn((key: string, value: unknown) => storage.set(key, value)),
  removeStorageSync: vi.fn((key: string) => storage.delete(key)),
});

/** A fresh app: new mocks, empty storage, a new Pinia with the same persistence as the real one. */
export const freshApp = () => {
  const pinia = createPinia();
  pinia.use(createPersistedState({ storage: uniStorage }));
  // Pinia applies plugins when it is installed in an app.
  createApp({}).use(pinia);
  setActivePinia(pinia);
  return pinia;
};

beforeEach(() => {
  storage.clear();
  (globalThis as any).uni = makeUni();
  freshApp();
});
