/**
 * Resident identity card number (居民身份证号码), GB 11643-1999: 6-digit region, 8-digit birth date,
 * 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const idNumberCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
};

const isRealDate = (yyyymmdd: string, today: Date): boolean => {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1800 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date <= today
  );
};

export const idNumberProblem = (value: string, today: Date = new Date()): string | null => {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '应为18位，前17位为数字，最后一位为数字或X';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return '地址码无效';
  if (!isRealDate(id.slice(6, 14), today)) return '出生日期无效';
  if (idNumberCheckChar(id) !== id[17]) return '校验位错误';
  return null;
};
