import type { StrapiApp } from '@strapi/strapi/admin';

// Staff work in Simplified Chinese; English stays one click away in the language menu.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
}

export default {
  config: {
    locales: ['zh-Hans'],
    // The release check calls GitHub; this product makes no outbound calls.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
