import { useEffect, useMemo, useState } from 'react';
import { countOrders, exportOrders, listOrders, type ListParams, type OrderRow } from '../../api/orders';
import { saveBlob } from '../../components/saveBlob';
import { PAGE_SIZE, type Tab } from './options';

export interface FilterValues {
  process: string;
  step: string;
  category: string;
  channel: string;
  assignee: string;
  warning: string;
  /** 'true': only orders urged (催办) in their current step. */
  urged: string;
  /** The period the orders were applied in, China days (the archive search uses it most). */
  from: string;
  to: string;
  q: string;
}
export type FilterKey = keyof FilterValues;
export type Sort = 'applied' | 'elapsed';
export interface Counts {
  mine: number;
  handled: number;
  all: number;
  overdue: number;
}

const NO_FILTERS: FilterValues = {
  process: '',
  step: '',
  category: '',
  channel: '',
  assignee: '',
  warning: '',
  urged: '',
  from: '',
  to: '',
  q: '',
};

const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00+08:00`).toISOString() : undefined);
const dayEnd = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined;

/** What the list and the export ask the server for. */
const toParams = (tab: Tab, f: FilterValues, sort: Sort): ListParams => ({
  mine: tab === 'mine',
  // 已办: what the caller acted on, open or ended.
  handled: tab === 'handled',
  overdue: tab === 'overdue',
  status: tab === 'closed' ? 'closed' : tab === 'handled' ? 'all' : undefined,
  process: f.process,
  step: f.step,
  category: f.category,
  channel: f.channel,
  assignee: f.assignee,
  warning: f.warning,
  urged: f.urged,
  q: f.q,
  sort,
  from: dayStart(f.from),
  to: dayEnd(f.to),
});

/** One filter changed (another business clears the step); the same values when nothing changed. */
const withFilter = (f: FilterValues, key: FilterKey, value: string): FilterValues => {
  const next = { ...f, [key]: value, ...(key === 'process' ? { step: '' } : {}) };
  return (Object.keys(next) as FilterKey[]).every((k) => next[k] === f[k]) ? f : next;
};

/** One page of orders and the tabs' counts, loaded again whenever the question or the page changes. */
const useOrderList = (params: ListParams, page: number) => {
  const [rows, setRows] = useState<OrderRow[]>([]);
  const [pageCount, setPageCount] = useState(1);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listOrders({ ...params, page, pageSize: PAGE_SIZE })
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
  return { rows, pageCount, counts, error };
};

/** The 工单中心's state: tab, filters, sort and page, the orders they select, and the export of them. */
export const useInbox = () => {
  const [tab, setTabState] = useState<Tab>('mine');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>('applied');
  const [page, setPage] = useState(1);
  const params = useMemo(() => toParams(tab, filters, sort), [tab, filters, sort]);
  const list = useOrderList(params, page);
  // A new question starts on the first page; sorting and paging keep it.
  const setTab = (t: Tab) => {
    setTabState(t);
    setPage(1);
  };
  const setFilter = (key: FilterKey, value: string) => {
    setFilters((f) => withFilter(f, key, value));
    setPage(1);
  };
  const toggleSort = () => setSort(sort === 'applied' ? 'elapsed' : 'applied');
  const download = async () => saveBlob(await exportOrders(params), '工单列表.xlsx');
  return { ...list, tab, setTab, filters, setFilter, sort, toggleSort, page, setPage, download };
};
