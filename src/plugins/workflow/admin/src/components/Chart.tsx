import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** An ECharts chart in a box: created once, updated with its option, disposed with the component. */
export const Chart = ({
  option,
  height = 280,
  testId,
}: {
  option: echarts.EChartsOption;
  height?: number;
  testId?: string;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(ref.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
};
