import type { EChartsOption } from 'echarts';
import type { Dashboard } from '../../api/metrics';
import { CHANNELS } from './format';

type Charts = Dashboard['charts'];

/** 每周趋势: orders created and completed, week by week. */
const weekly = (c: Charts): EChartsOption => ({
  tooltip: { trigger: 'axis' },
  legend: { data: ['新建', '办结'] },
  xAxis: { type: 'category', data: c.weekly.map((w) => w.week) },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    { name: '新建', type: 'line', data: c.weekly.map((w) => w.created) },
    { name: '办结', type: 'line', data: c.weekly.map((w) => w.completed) },
  ],
});

/** 各环节平均用时: hours per step, as bars. */
const cycle = (c: Charts): EChartsOption => ({
  tooltip: {},
  xAxis: { type: 'value', name: '小时' },
  yAxis: { type: 'category', data: c.cycleByStep.map((s) => s.step) },
  series: [{ type: 'bar', data: c.cycleByStep.map((s) => s.hours) }],
  grid: { left: 120 },
});

/** 按类型 and 按渠道: pies (the channels by their Chinese names). */
const category = (c: Charts): EChartsOption => ({
  tooltip: { trigger: 'item' },
  series: [{ type: 'pie', radius: '65%', data: c.byCategory }],
});
const channel = (c: Charts): EChartsOption => ({
  tooltip: { trigger: 'item' },
  series: [
    {
      type: 'pie',
      radius: ['35%', '65%'],
      data: c.byChannel.map((x) => ({ ...x, name: CHANNELS[x.name] ?? x.name })),
    },
  ],
});

/** 各环节预警热力: warnings of each level per step. */
const heat = (c: Charts): EChartsOption => ({
  tooltip: {},
  grid: { left: 120 },
  xAxis: { type: 'category', data: ['一级', '二级', '三级'] },
  yAxis: { type: 'category', data: c.slaHeat.map((s) => s.step) },
  visualMap: {
    min: 0,
    max: Math.max(1, ...c.slaHeat.flatMap((s) => s.warnings)),
    orient: 'horizontal',
    left: 'center',
    bottom: 0,
    inRange: { color: ['#fff7e6', '#f5222d'] },
  },
  series: [
    {
      type: 'heatmap',
      label: { show: true },
      data: c.slaHeat.flatMap((s, y) => s.warnings.map((n, x) => [x, y, n])),
    },
  ],
});

/** The five charts' ECharts options for the dashboard's figures. */
export const chartOptions = (c: Charts) => ({
  weekly: weekly(c),
  cycle: cycle(c),
  category: category(c),
  channel: channel(c),
  heat: heat(c),
});
export type ChartOptions = ReturnType<typeof chartOptions>;
