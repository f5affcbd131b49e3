/** The API's origin; empty means the origin that served the page (the H5 build served by Strapi). */
export const API_BASE = (import.meta.env.VITE_API_BASE ?? '').replace(/\/$/, '');

export const LOGIN_PAGES = {
  applicant: '/pages/login/index',
  staff: '/pages/login/staff',
} as const;
