import type { ReactNode } from 'react';
import { Grid, Typography } from '@strapi/design-system';
import type { EChartsOption } from 'echarts';
import { Chart } from '../../components/Chart';
import type { ChartOptions } from './chartOptions';

interface ChartItemProps {
  title: ReactNode;
  option: EChartsOption;
  /** Half the row (6) or a quarter (3) on a wide screen. */
  col: 3 | 6;
  height?: number;
  testId?: string;
}

/** One chart under its title. */
const ChartItem = ({ title, option, col, height, testId }: ChartItemProps) => (
  <Grid.Item col={col} s={col === 6 ? 12 : 6} direction="column" alignItems="stretch">
    <Typography variant="delta">{title}</Typography>
    <Chart option={option} height={height} testId={testId} />
  </Grid.Item>
);

/** The weekly trend, time per step, the pies by category and channel, and the warnings per step. */
export const DashboardCharts = ({ charts }: { charts: ChartOptions }) => (
  <Grid.Root gap={4} marginTop={4}>
    <ChartItem title="每周趋势" option={charts.weekly} col={6} testId="chart-weekly" />
    <ChartItem title="各环节平均用时" option={charts.cycle} col={6} testId="chart-cycle" />
    <ChartItem title="按类型" option={charts.category} col={3} height={240} />
    <ChartItem title="按渠道" option={charts.channel} col={3} height={240} />
    <ChartItem title="各环节预警热力" option={charts.heat} col={6} height={240} testId="chart-heat" />
  </Grid.Root>
);
