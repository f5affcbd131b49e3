import { Flex } from '@strapi/design-system';
import { DateFilter, Filter } from '../../components/Filter';
import { CATEGORIES, PROCESSES } from './format';
import type { Choice, DashboardFilters as Values, FilterKey } from './useDashboard';

interface DashboardFiltersProps {
  filters: Values;
  onChange: (key: FilterKey, value: string) => void;
  orgs: Choice[];
  people: Choice[];
}

const options = (choices: Choice[]) => choices.map((c) => ({ value: String(c.id), label: c.name }));

/** The period, organization, process, category and person the figures are for. */
export const DashboardFilters = ({ filters, onChange, orgs, people }: DashboardFiltersProps) => {
  const on = (key: FilterKey) => (v: string) => onChange(key, v);
  return (
    <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
      <DateFilter id="m-from" label="开始日期" value={filters.from} onChange={on('from')} />
      <DateFilter id="m-to" label="结束日期" value={filters.to} onChange={on('to')} />
      <Filter
        id="m-org"
        label="机构"
        value={filters.organization}
        onChange={on('organization')}
        options={options(orgs)}
      />
      <Filter id="m-process" label="业务" value={filters.process} onChange={on('process')} options={PROCESSES} />
      <Filter
        id="m-category"
        label="类型"
        value={filters.category}
        onChange={on('category')}
        options={CATEGORIES.map((c) => ({ value: c, label: c }))}
      />
      <Filter id="m-person" label="人员" value={filters.person} onChange={on('person')} options={options(people)} />
    </Flex>
  );
};
