/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); the 18th is a check character over the first 17 (weights 3^i mod 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Position 1: registration authority; position 2: entity kind (GB 32100-2015, tables 1 and 2).
const AUTHORITIES = '123456789ABCDEFGNY';
const KINDS = '1234569';

export const creditCodeCheckChar = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
};

/** Returns the reason in Chinese, or null when the code is valid. */
export const creditCodeProblem = (value: string): string | null => {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return '应为18位';
  for (const ch of code) if (!ALPHABET.includes(ch)) return `含有非法字符“${ch}”`;
  if (!AUTHORITIES.includes(code[0]) || !KINDS.includes(code[1])) return '登记管理部门或机构类别代码无效';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '登记管理机关行政区划码应为6位数字';
  if (creditCodeCheckChar(code) !== code[17]) return '校验位错误';
  return null;
};
