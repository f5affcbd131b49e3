import { useEffect, useMemo, useState } from 'react';
import { exportStaff, getDashboard, listOrganizations, type Dashboard, type MetricsParams } from '../../api/metrics';
import { listColleagues } from '../../api/orders';
import { saveBlob } from '../../components/saveBlob';
import { chartOptions } from './chartOptions';
import { DAY, day } from './format';

export interface DashboardFilters {
  /** The period, China days; its last day counts whole. */
  from: string;
  to: string;
  organization: string;
  process: string;
  category: string;
  person: string;
}
export type FilterKey = keyof DashboardFilters;
export type Choice = { id: number; name: string };

/** The last 30 days, every organization, process, category and person. */
const initialFilters = (): DashboardFilters => {
  const now = new Date();
  return {
    from: day(new Date(now.getTime() - 30 * DAY)),
    to: day(now),
    organization: '',
    process: '',
    category: '',
    person: '',
  };
};

// The period's last day counts whole: `to` is the midnight after it, China time.
const toParams = (f: DashboardFilters): MetricsParams => ({
  from: new Date(`${f.from}T00:00:00+08:00`).toISOString(),
  to: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + DAY).toISOString(),
  organization: f.organization,
  process: f.process,
  category: f.category,
  person: f.person,
});

/** The organizations and the people to filter by (none when they cannot be loaded). */
const useChoices = () => {
  const [orgs, setOrgs] = useState<Choice[]>([]);
  const [people, setPeople] = useState<Choice[]>([]);
  useEffect(() => {
    listOrganizations()
      .then(setOrgs)
      .catch(() => setOrgs([]));
    listColleagues()
      .then(setPeople)
      .catch(() => setPeople([]));
  }, []);
  return { orgs, people };
};

/** The 看板's filters, the figures they select (loaded again whenever they change), and the staff table's export. */
export const useDashboard = () => {
  const [filters, setFilters] = useState<DashboardFilters>(initialFilters);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choices = useChoices();
  const params = useMemo(() => toParams(filters), [filters]);
  useEffect(() => {
    let live = true;
    getDashboard(params)
      .then((d) => live && (setData(d), setError(null)))
      .catch(() => live && setError('看板加载失败，请检查筛选条件'));
    return () => {
      live = false;
    };
  }, [params]);
  const charts = useMemo(() => (data ? chartOptions(data.charts) : null), [data]);
  // The same value again keeps the filters (and so asks the server nothing new).
  const setFilter = (key: FilterKey, value: string) =>
    setFilters((f) => (f[key] === value ? f : { ...f, [key]: value }));
  const download = async () => saveBlob(await exportStaff(params), '人员绩效.xlsx');
  return { ...choices, filters, setFilter, data, error, charts, download };
};
