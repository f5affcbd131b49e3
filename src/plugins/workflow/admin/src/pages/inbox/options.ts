/** The 工单中心's tabs, filter choices and page size. */

export const TABS = [
  { key: 'mine', label: '待办' },
  { key: 'handled', label: '已办' },
  { key: 'all', label: '全部' },
  { key: 'overdue', label: '超期' },
  { key: 'closed', label: '已结束（归档）' },
] as const;
export type Tab = (typeof TABS)[number]['key'];

export const PROCESSES = [
  { value: '', label: '全部业务' },
  { value: 'water-enterprise', label: '企业单位报装' },
  { value: 'water-resident', label: '居民报装' },
  { value: 'energy-service', label: '企业能效服务' },
];

export const CATEGORIES = ['基建(施工)用水', '永久性用水', '增容', '电力接入', '扩容', '综合能源改造'].map((c) => ({
  value: c,
  label: c,
}));

export const CHANNELS = [
  { value: 'official-account', label: '公众号' },
  { value: 'mini-program', label: '小程序' },
  { value: 'window', label: '窗口' },
  { value: 'staff-app', label: '员工端' },
];

export const WARNINGS = [
  { value: '1', label: '一级及以上' },
  { value: '2', label: '二级及以上' },
  { value: '3', label: '三级' },
];

export const URGED = [{ value: 'true', label: '被催办的' }];

export const PAGE_SIZE = 20;

/** Steps with their labels, from the process definitions. */
export const stepsOf = (spec: any): Array<{ value: string; label: string }> => {
  const out: Array<{ value: string; label: string }> = [];
  const walk = (states: Record<string, any>) => {
    for (const [key, s] of Object.entries(states ?? {})) {
      if (s.states) walk(s.states);
      else if (s.meta?.label && !s.meta.secondary) out.push({ value: key, label: s.meta.label });
    }
  };
  walk(spec?.machine?.states);
  return out;
};
