/** The 看板's filter choices and how its figures are written. */

export const DAY = 86_400_000;

/** A date's China day, yyyy-mm-dd. */
export const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
export const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
export const hours = (n: number | null) => (n === null ? '—' : `${n}小时`);

export const CHANNELS: Record<string, string> = {
  'official-account': '公众号',
  'mini-program': '小程序',
  window: '窗口',
  'staff-app': '员工端',
};

export const PROCESSES = [
  { value: 'water-enterprise', label: '企业单位报装' },
  { value: 'water-resident', label: '居民报装' },
  { value: 'energy-service', label: '企业能效服务' },
];

export const CATEGORIES = ['基建(施工)用水', '永久性用水', '增容', '电力接入', '扩容', '综合能源改造'];
