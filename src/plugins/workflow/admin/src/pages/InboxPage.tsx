import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import {
  countOrders,
  exportOrders,
  listColleagues,
  listOrders,
  listProcesses,
  type ListParams,
  type OrderRow,
} from '../api/orders';
import { getMe, unreadCount, type Me } from '../api/messages';
import { ElapsedBadge } from '../components/ElapsedBadge';
import { Filter } from '../components/Filter';
import { saveBlob } from '../components/saveBlob';
import { Pager } from '../components/Pager';

const TABS = [
  { key: 'mine', label: '我的待办' },
  { key: 'all', label: '本机构' },
  { key: 'overdue', label: '超期' },
  { key: 'closed', label: '已结束（归档）' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const PROCESSES = [
  { value: '', label: '全部业务' },
  { value: 'water-enterprise', label: '企业单位报装' },
  { value: 'water-resident', label: '居民报装' },
  { value: 'energy-service', label: '企业能效服务' },
];

const CATEGORIES = ['基建(施工)用水', '永久性用水', '增容', '电力接入', '扩容', '综合能源改造'];
const CHANNELS = [
  { value: 'official-account', label: '公众号' },
  { value: 'mini-program', label: '小程序' },
  { value: 'window', label: '窗口' },
  { value: 'staff-app', label: '员工端' },
];

/** Steps with their labels, from the process definitions. */
const stepsOf = (spec: any): Array<{ value: string; label: string }> => {
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

const formatTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

const WARNINGS = [
  { value: '1', label: '一级及以上' },
  { value: '2', label: '二级及以上' },
  { value: '3', label: '三级' },
];

const PAGE_SIZE = 20;

/** 工单中心: the staff member's orders with the customer's columns, tabs, filters, search and export. */
export const InboxPage = () => {
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('mine');
  const [process, setProcess] = useState('');
  const [stepKey, setStepKey] = useState('');
  const [category, setCategory] = useState('');
  const [channel, setChannel] = useState('');
  const [assignee, setAssignee] = useState('');
  const [warning, setWarning] = useState('');
  // The period the orders were applied in (the archive search uses it most).
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [me, setMe] = useState<Me | null>(null);
  /** Whether the caller's admin roles hold one of the workflow's permissions (the pages they open). */
  const can = (permission: string) => !!me?.permissions.includes(permission);
  const [unread, setUnread] = useState(0);
  const [defs, setDefs] = useState<Array<{ key: string; name: string; spec: any }>>([]);
  const [colleagues, setColleagues] = useState<Array<{ id: number; name: string }>>([]);
  useEffect(() => {
    listProcesses()
      .then(setDefs)
      .catch(() => setDefs([]));
    listColleagues()
      .then(setColleagues)
      .catch(() => setColleagues([]));
    getMe()
      .then(setMe)
      .catch(() => setMe(null));
    unreadCount()
      .then(setUnread)
      .catch(() => setUnread(0));
  }, []);
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'applied' | 'elapsed'>('applied');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<OrderRow[]>([]);
  const [pageCount, setPageCount] = useState(1);
  const [counts, setCounts] = useState<{ mine: number; all: number; overdue: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const params = useCallback(
    (): ListParams => ({
      mine: tab === 'mine',
      overdue: tab === 'overdue',
      status: tab === 'closed' ? 'closed' : undefined,
      process,
      step: stepKey,
      category,
      channel,
      assignee,
      warning,
      q,
      sort,
      from: from ? new Date(`${from}T00:00:00+08:00`).toISOString() : undefined,
      to: to ? new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined,
    }),
    [tab, process, stepKey, category, channel, assignee, warning, q, sort, from, to],
  );
  const steps = process ? stepsOf(defs.find((d) => d.key === process)?.spec) : [];
  const set = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    setPage(1);
  };

  useEffect(() => {
    let live = true;
    listOrders({ ...params(), page, pageSize: PAGE_SIZE })
      .then((res) => {
        if (!live) return;
        setRows(res.data);
        setPageCount(Math.max(1, res.meta.pagination.pageCount));
        setError(null);
      })
      .catch(() => live && setError('工单加载失败，请刷新重试'));
    countOrders()
      .then((c) => live && setCounts(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [params, page]);

  const download = async () => saveBlob(await exportOrders(params()), '工单列表.xlsx');

  return (
    <Layouts.Root>
      <Layouts.Header
        title="工单中心"
        subtitle="报装与能效服务工单，按权限显示"
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={download} data-testid="export">
              导出Excel
            </Button>
            <Button onClick={() => navigate('new')}>窗口受理</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex gap={2} marginBottom={3} wrap="wrap">
          <Button variant="tertiary" onClick={() => navigate('dashboard')} data-testid="dashboard">
            看板
          </Button>
          <Button variant="tertiary" onClick={() => navigate('messages')} data-testid="messages">
            消息{unread ? `（${unread}条未读）` : ''}
          </Button>
          {can('notifications') ? (
            <Button variant="tertiary" onClick={() => navigate('notifications')} data-testid="notifications">
              通知与短信
            </Button>
          ) : null}
          {can('publishDefinitions') ? (
            <Button variant="tertiary" onClick={() => navigate('definitions')} data-testid="definitions">
              流程定义
            </Button>
          ) : null}
          {can('editRules') ? (
            <Button variant="tertiary" onClick={() => navigate('rules')} data-testid="rules">
              业务规则
            </Button>
          ) : null}
          {can('settings') ? (
            <Button variant="tertiary" onClick={() => navigate('settings')} data-testid="settings">
              业务设置
            </Button>
          ) : null}
          {can('contractTemplates') ? (
            <Button variant="tertiary" onClick={() => navigate('contract-templates')} data-testid="contract-templates">
              合同模板
            </Button>
          ) : null}
          {can('directory') ? (
            <Button variant="tertiary" onClick={() => navigate('directory')} data-testid="directory">
              机构与人员
            </Button>
          ) : null}
          {can('audit') ? (
            <Button variant="tertiary" onClick={() => navigate('audit')} data-testid="audit">
              审计日志
            </Button>
          ) : null}
        </Flex>
        <Flex gap={2} marginBottom={4} wrap="wrap">
          {TABS.map((t) => (
            <Button
              key={t.key}
              variant={tab === t.key ? 'default' : 'tertiary'}
              onClick={() => {
                setTab(t.key);
                setPage(1);
              }}
              data-testid={`tab-${t.key}`}
            >
              {t.label}
              {counts && t.key !== 'closed' ? `（${counts[t.key]}）` : ''}
            </Button>
          ))}
        </Flex>
        <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
          <Box>
            <Typography variant="pi" tag="label" htmlFor="wf-process">
              业务
            </Typography>
            <Box>
              <select
                id="wf-process"
                value={process}
                onChange={(e) => {
                  setProcess(e.target.value);
                  setStepKey('');
                  setPage(1);
                }}
                style={{ height: 40, minWidth: 160 }}
              >
                {PROCESSES.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </Box>
          </Box>
          <Filter id="wf-step" label="步骤" value={stepKey} onChange={set(setStepKey)} options={steps} />
          <Filter
            id="wf-category"
            label="报装类型"
            value={category}
            onChange={set(setCategory)}
            options={CATEGORIES.map((c) => ({ value: c, label: c }))}
          />
          <Filter id="wf-channel" label="渠道" value={channel} onChange={set(setChannel)} options={CHANNELS} />
          <Filter
            id="wf-assignee"
            label="处理人"
            value={assignee}
            onChange={set(setAssignee)}
            options={colleagues.map((c) => ({ value: String(c.id), label: c.name }))}
          />
          <Filter id="wf-warning" label="预警" value={warning} onChange={set(setWarning)} options={WARNINGS} />
          <Box>
            <Typography variant="pi" tag="label" htmlFor="wf-from">
              申请日期从
            </Typography>
            <Box>
              <input
                id="wf-from"
                type="date"
                value={from}
                onChange={(e) => set(setFrom)(e.target.value)}
                style={{ height: 36 }}
              />
            </Box>
          </Box>
          <Box>
            <Typography variant="pi" tag="label" htmlFor="wf-to">
              至
            </Typography>
            <Box>
              <input
                id="wf-to"
                type="date"
                value={to}
                onChange={(e) => set(setTo)(e.target.value)}
                style={{ height: 36 }}
              />
            </Box>
          </Box>
          <Box minWidth="280px">
            <TextInput
              aria-label="搜索"
              placeholder="报装编号 / 单位名称 / 电话 / 信用代码"
              value={q}
              onChange={(e: any) => {
                setQ(e.target.value);
                setPage(1);
              }}
              name="q"
            />
          </Box>
          <Button variant="tertiary" onClick={() => setSort(sort === 'applied' ? 'elapsed' : 'applied')}>
            {sort === 'applied' ? '按申请时间' : '按历时'}排序
          </Button>
        </Flex>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        <Table colCount={9} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              {['报装编号', '单位名称', '申请时间', '报装类型', '建筑面积', '状态', '历时', '信息', '操作'].map((h) => (
                <Th key={h}>
                  <Typography variant="sigma">{h}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((o) => (
              <Tr key={o.number} data-testid="order-row">
                <Td>
                  <Typography>{o.number}</Typography>
                </Td>
                <Td>
                  <Typography>{o.title}</Typography>
                </Td>
                <Td>
                  <Typography>{formatTime(o.appliedAt)}</Typography>
                </Td>
                <Td>
                  <Typography>{o.category ?? o.processName}</Typography>
                </Td>
                <Td>
                  <Typography>{o.buildingArea ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{o.stepLabel}</Typography>
                </Td>
                <Td>
                  <ElapsedBadge elapsed={o.elapsed} warningLevel={o.warningLevel} />
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Link to={o.number}>详情</Link>
                    <Link to={`${o.number}#history`}>记录</Link>
                  </Flex>
                </Td>
                <Td>
                  <Flex gap={1} wrap="wrap">
                    {(o.actions ?? []).map((a) => (
                      <Button
                        key={a.action}
                        size="S"
                        variant="secondary"
                        onClick={() => navigate(`${o.number}#action-${a.action}`)}
                      >
                        {a.label}
                      </Button>
                    ))}
                    {(o.actions ?? []).length === 0 ? <Typography textColor="neutral500">—</Typography> : null}
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {rows.length === 0 && !error ? (
          <Box padding={6}>
            <Typography textColor="neutral600">没有符合条件的工单</Typography>
          </Box>
        ) : null}
        <Pager page={page} pageCount={pageCount} onChange={setPage} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
