/** Days and times as the 审计日志 filters and shows them (China time). */

export const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00+08:00`).toISOString() : undefined);
export const dayEnd = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined;
export const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
