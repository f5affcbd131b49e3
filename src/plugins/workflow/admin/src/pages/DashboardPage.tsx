import { Link } from 'react-router-dom';
import { Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { DashboardCharts } from './dashboard/DashboardCharts';
import { DashboardFilters } from './dashboard/DashboardFilters';
import { IndicatorCards } from './dashboard/IndicatorCards';
import { StaffTable } from './dashboard/StaffTable';
import { useDashboard } from './dashboard/useDashboard';

/** 看板: the 15 indicators, charts and the staff table for a period, organization, process, category and person. */
export const DashboardPage = () => {
  const { filters, setFilter, orgs, people, data, error, charts, download } = useDashboard();
  return (
    <Layouts.Root>
      <Layouts.Header
        title="看板"
        subtitle="按期间、机构、业务、类型和人员统计"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <DashboardFilters filters={filters} onChange={setFilter} orgs={orgs} people={people} />
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {data ? <IndicatorCards data={data} /> : null}
        {charts ? <DashboardCharts charts={charts} /> : null}
        {data ? <StaffTable staff={data.staff} onExport={download} /> : null}
      </Layouts.Content>
    </Layouts.Root>
  );
};
