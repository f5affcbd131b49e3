import { Flex } from '@strapi/design-system';
import type { AuditPage } from '../../api/audit';
import { DateFilter, Filter } from '../../components/Filter';
import type { AuditFilterValues, FilterKey } from './useAudit';

interface AuditFiltersProps {
  filters: AuditFilterValues;
  onChange: (key: FilterKey, value: string) => void;
  /** The kinds and the people to choose from, as the last page told them (none before it loaded). */
  meta?: AuditPage['meta'];
}

/** 类型, 操作人 and the period. */
export const AuditFilters = ({ filters, onChange, meta }: AuditFiltersProps) => {
  const on = (key: FilterKey) => (v: string) => onChange(key, v);
  return (
    <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
      <Filter id="audit-kind" label="类型" value={filters.kind} onChange={on('kind')} options={meta?.kinds ?? []} />
      <Filter
        id="audit-person"
        label="操作人"
        value={filters.person}
        onChange={on('person')}
        options={(meta?.people ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
      />
      <DateFilter id="audit-from" label="日期从" value={filters.from} onChange={on('from')} />
      <DateFilter id="audit-to" label="至" value={filters.to} onChange={on('to')} />
    </Flex>
  );
};
