import { createPinia } from 'pinia';
import { createPersistedState } from 'pinia-plugin-persistedstate';

/** Stores marked `persist` survive restarts in uni storage (wx storage in the mini-program, localStorage on H5). */
export const uniStorage = {
  getItem: (key: string) => uni.getStorageSync(key) || null,
  setItem: (key: string, value: string) => uni.setStorageSync(key, value),
};

export const createStore = () => {
  const pinia = createPinia();
  pinia.use(createPersistedState({ storage: uniStorage }));
  return pinia;
};
