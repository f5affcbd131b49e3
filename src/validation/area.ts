/** Building area in square metres: a positive number with at most two decimals, below one km². */
export const areaProblem = (value: unknown): string | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return '应为数字（平方米）';
  if (n <= 0) return '应大于0';
  if (n >= 1_000_000) return '过大，请核对（单位：平方米）';
  if (Math.round(n * 100) !== n * 100 && Math.abs(Math.round(n * 100) - n * 100) > 1e-6) return '最多保留两位小数';
  return null;
};
