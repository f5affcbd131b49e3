/** Mainland China mobile numbers: 11 digits starting 13-19, optionally written with +86 / 86. */
const MOBILE = /^(?:\+?86[- ]?)?(1[3-9]\d{9})$/;

export const normalizeMobile = (value: string): string | null => {
  const match = MOBILE.exec(value.trim().replace(/[\s-]/g, ''));
  return match ? match[1] : null;
};

export const mobileProblem = (value: string): string | null =>
  normalizeMobile(value) ? null : '应为11位中国大陆手机号码（以13-19开头）';
