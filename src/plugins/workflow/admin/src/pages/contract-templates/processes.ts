/** The businesses a template may be limited to (none: every business). */
export const PROCESSES: Record<string, string> = {
  'water-enterprise': '企业单位报装',
  'water-resident': '居民报装',
  'energy-service': '企业能效服务',
};
