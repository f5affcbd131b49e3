import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { exportStaff, getDashboard, listOrganizations, type Dashboard, type MetricsParams } from '../api/metrics';
import { listColleagues } from '../api/orders';
import { Chart } from '../components/Chart';
import { Filter } from '../components/Filter';
import { saveBlob } from '../components/saveBlob';

const DAY = 86_400_000;
const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
const hours = (n: number | null) => (n === null ? '—' : `${n}小时`);
const CHANNELS: Record<string, string> = {
  'official-account': '公众号',
  'mini-program': '小程序',
  window: '窗口',
  'staff-app': '员工端',
};
const PROCESSES = [
  { value: 'water-enterprise', label: '企业单位报装' },
  { value: 'water-resident', label: '居民报装' },
  { value: 'energy-service', label: '企业能效服务' },
];
const CATEGORIES = ['基建(施工)用水', '永久性用水', '增容', '电力接入', '扩容', '综合能源改造'];

/** The 14 indicators, each with how it is counted (shown on hover). */
const INDICATORS: Array<{ key: string; label: string; help: string; value: (d: Dashboard['indicators']) => string }> = [
  { key: 'created', label: '新建工单', help: '期间内提交（含窗口受理）的工单数', value: (d) => String(d.created) },
  { key: 'completed', label: '办结工单', help: '期间内办结（已完成）的工单数', value: (d) => String(d.completed) },
  {
    key: 'completionRate',
    label: '办结率',
    help: '期间内新建的工单中，至今已办结的比例',
    value: (d) => percent(d.completionRate),
  },
  {
    key: 'avgCycleHours',
    label: '平均办理周期',
    help: '期间内办结的工单，从申请到办结的平均时长',
    value: (d) => hours(d.avgCycleHours),
  },
  {
    key: 'avgHandlingHours',
    label: '人均处理时效',
    help: '期间内员工办理的环节，从进入环节到员工办理完成的平均时长，先按人平均再取平均',
    value: (d) => hours(d.avgHandlingHours),
  },
  {
    key: 'saturation',
    label: '工单饱和度',
    help: '在办工单（已指派）总数 ÷ 员工可承载量之和',
    value: (d) => percent(d.saturation),
  },
  {
    key: 'firstResponseHours',
    label: '首次响应时间',
    help: '期间内新建的工单，从申请到员工第一次办理的平均时长',
    value: (d) => hours(d.firstResponseHours),
  },
  {
    key: 'onTimeRate',
    label: '环节按时率',
    help: '期间内结束的环节中，在时限内（按环节的计时方式）完成的比例',
    value: (d) => percent(d.onTimeRate),
  },
  {
    key: 'overdueNow',
    label: '当前超期',
    help: '现在已超过当前环节时限的在办工单数',
    value: (d) => String(d.overdueNow),
  },
  {
    key: 'warnings',
    label: '预警（一/二/三级）',
    help: '期间内触发的预警次数：一级80%、二级100%、三级200%或现场异常',
    value: (d) => `${d.warnings[1]} / ${d.warnings[2]} / ${d.warnings[3]}`,
  },
  {
    key: 'returnRejectRate',
    label: '退回/驳回率',
    help: '期间内新建的工单中，被退回或驳回过的比例',
    value: (d) => percent(d.returnRejectRate),
  },
  {
    key: 'satisfaction',
    label: '满意度',
    help: '期间内评价的平均分（1–5星）与评价数',
    value: (d) => (d.satisfaction.average === null ? '—' : `${d.satisfaction.average}分（${d.satisfaction.count}条）`),
  },
  { key: 'exceptions', label: '异常上报', help: '期间内施工人员上报的现场异常数', value: (d) => String(d.exceptions) },
  {
    key: 'sms',
    label: '短信与费用',
    help: '期间内发送的短信条数，及超出套餐部分的费用（0.05元/条）',
    value: (d) => `${d.sms.sent}条 · ¥${d.sms.cost.toFixed(2)}`,
  },
];

/** 看板: the 14 indicators, charts and the staff table for a period, organization, process, category and person. */
export const DashboardPage = () => {
  const now = new Date();
  const [from, setFrom] = useState(day(new Date(now.getTime() - 30 * DAY)));
  const [to, setTo] = useState(day(now));
  const [organization, setOrganization] = useState('');
  const [process, setProcess] = useState('');
  const [category, setCategory] = useState('');
  const [person, setPerson] = useState('');
  const [orgs, setOrgs] = useState<Array<{ id: number; name: string }>>([]);
  const [people, setPeople] = useState<Array<{ id: number; name: string }>>([]);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The period's last day counts whole: `to` is the midnight after it, China time.
  const params = useMemo<MetricsParams>(
    () => ({
      from: new Date(`${from}T00:00:00+08:00`).toISOString(),
      to: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY).toISOString(),
      organization,
      process,
      category,
      person,
    }),
    [from, to, organization, process, category, person],
  );
  useEffect(() => {
    listOrganizations()
      .then(setOrgs)
      .catch(() => setOrgs([]));
    listColleagues()
      .then(setPeople)
      .catch(() => setPeople([]));
  }, []);
  useEffect(() => {
    let live = true;
    getDashboard(params)
      .then((d) => live && (setData(d), setError(null)))
      .catch(() => live && setError('看板加载失败，请检查筛选条件'));
    return () => {
      live = false;
    };
  }, [params]);

  const charts = useMemo(() => {
    if (!data) return null;
    const c = data.charts;
    const steps = c.slaHeat.map((s) => s.step);
    return {
      weekly: {
        tooltip: { trigger: 'axis' },
        legend: { data: ['新建', '办结'] },
        xAxis: { type: 'category', data: c.weekly.map((w) => w.week) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '新建', type: 'line', data: c.weekly.map((w) => w.created) },
          { name: '办结', type: 'line', data: c.weekly.map((w) => w.completed) },
        ],
      },
      cycle: {
        tooltip: {},
        xAxis: { type: 'value', name: '小时' },
        yAxis: { type: 'category', data: c.cycleByStep.map((s) => s.step) },
        series: [{ type: 'bar', data: c.cycleByStep.map((s) => s.hours) }],
        grid: { left: 120 },
      },
      category: { tooltip: { trigger: 'item' }, series: [{ type: 'pie', radius: '65%', data: c.byCategory }] },
      channel: {
        tooltip: { trigger: 'item' },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            data: c.byChannel.map((x) => ({ ...x, name: CHANNELS[x.name] ?? x.name })),
          },
        ],
      },
      heat: {
        tooltip: {},
        grid: { left: 120 },
        xAxis: { type: 'category', data: ['一级', '二级', '三级'] },
        yAxis: { type: 'category', data: steps },
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
      },
    } as const;
  }, [data]);

  const d = data?.indicators;
  const r = data?.responseComparison;
  return (
    <Layouts.Root>
      <Layouts.Header
        title="看板"
        subtitle="按期间、机构、业务、类型和人员统计"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
          <Box>
            <Typography variant="pi" tag="label" htmlFor="m-from">
              开始日期
            </Typography>
            <Box>
              <input
                id="m-from"
                type="date"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                style={{ height: 36 }}
              />
            </Box>
          </Box>
          <Box>
            <Typography variant="pi" tag="label" htmlFor="m-to">
              结束日期
            </Typography>
            <Box>
              <input id="m-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ height: 36 }} />
            </Box>
          </Box>
          <Filter
            id="m-org"
            label="机构"
            value={organization}
            onChange={setOrganization}
            options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Filter id="m-process" label="业务" value={process} onChange={setProcess} options={PROCESSES} />
          <Filter
            id="m-category"
            label="类型"
            value={category}
            onChange={setCategory}
            options={CATEGORIES.map((c) => ({ value: c, label: c }))}
          />
          <Filter
            id="m-person"
            label="人员"
            value={person}
            onChange={setPerson}
            options={people.map((p) => ({ value: String(p.id), label: p.name }))}
          />
        </Flex>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {d ? (
          <Grid.Root gap={3}>
            {INDICATORS.map((i) => (
              <Grid.Item key={i.key} col={2} s={4} xs={6}>
                <Box
                  padding={3}
                  background="neutral0"
                  hasRadius
                  shadow="tableShadow"
                  title={i.help}
                  width="100%"
                  data-testid={`indicator-${i.key}`}
                >
                  <Typography variant="pi" textColor="neutral600">
                    {i.label} ⓘ
                  </Typography>
                  <Typography variant="beta" tag="p" data-testid="value">
                    {i.value(d)}
                  </Typography>
                </Box>
              </Grid.Item>
            ))}
            <Grid.Item col={4} s={8} xs={12}>
              <Box
                padding={3}
                background="neutral0"
                hasRadius
                shadow="tableShadow"
                width="100%"
                data-testid="response-comparison"
                title="期间内新建工单的首次响应时间，与上一个同样长的期间相比"
              >
                <Typography variant="pi" textColor="neutral600">
                  响应时间：本期 / 上期 ⓘ
                </Typography>
                <Typography variant="beta" tag="p">
                  {hours(r?.current ?? null)} / {hours(r?.previous ?? null)}
                  {r?.change !== null && r?.change !== undefined
                    ? `（${r.change > 0 ? '慢' : '快'}${Math.abs(r.change * 100).toFixed(0)}%）`
                    : ''}
                </Typography>
              </Box>
            </Grid.Item>
          </Grid.Root>
        ) : null}
        {charts ? (
          <Grid.Root gap={4} marginTop={4}>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Typography variant="delta">每周趋势</Typography>
              <Chart option={charts.weekly as any} testId="chart-weekly" />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Typography variant="delta">各环节平均用时</Typography>
              <Chart option={charts.cycle as any} testId="chart-cycle" />
            </Grid.Item>
            <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
              <Typography variant="delta">按类型</Typography>
              <Chart option={charts.category as any} height={240} />
            </Grid.Item>
            <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
              <Typography variant="delta">按渠道</Typography>
              <Chart option={charts.channel as any} height={240} />
            </Grid.Item>
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Typography variant="delta">各环节预警热力</Typography>
              <Chart option={charts.heat as any} height={240} testId="chart-heat" />
            </Grid.Item>
          </Grid.Root>
        ) : null}
        {data ? (
          <Box marginTop={6}>
            <Flex justifyContent="space-between" marginBottom={2}>
              <Typography variant="delta">人员绩效</Typography>
              <Button
                variant="secondary"
                onClick={async () => saveBlob(await exportStaff(params), '人员绩效.xlsx')}
                data-testid="export-staff"
              >
                导出Excel
              </Button>
            </Flex>
            <Table colCount={8} rowCount={data.staff.length + 1}>
              <Thead>
                <Tr>
                  {['姓名', '机构', '办理数', '平均处理时长', '按时率', '在办工单', '饱和度', '满意度'].map((h) => (
                    <Th key={h}>
                      <Typography variant="sigma">{h}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {data.staff.map((s) => (
                  <Tr key={s.id} data-testid="staff-row">
                    <Td>
                      <Typography>{s.name}</Typography>
                    </Td>
                    <Td>
                      <Typography>{s.organization ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{s.handled}</Typography>
                    </Td>
                    <Td>
                      <Typography>{hours(s.avgHandlingHours)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{percent(s.onTimeRate)}</Typography>
                    </Td>
                    <Td>
                      <Typography>
                        {s.openLoad} / {s.capacity}
                      </Typography>
                    </Td>
                    <Td>
                      <Typography>{percent(s.saturation)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{s.satisfaction ?? '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        ) : null}
      </Layouts.Content>
    </Layouts.Root>
  );
};
