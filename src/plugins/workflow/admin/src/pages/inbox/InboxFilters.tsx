import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { DateFilter, Filter } from '../../components/Filter';
import { CATEGORIES, CHANNELS, PROCESSES, URGED, WARNINGS } from './options';
import type { Colleague } from './useLookups';
import type { FilterKey, FilterValues, Sort } from './useInbox';

/** 业务: every process or one (no 全部 of its own: 全部业务 is the first choice). */
const ProcessSelect = ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
  <Box>
    <Typography variant="pi" tag="label" htmlFor="wf-process">
      业务
    </Typography>
    <Box>
      <select
        id="wf-process"
        value={value}
        onChange={(e) => onChange(e.target.value)}
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
);

interface InboxFiltersProps {
  filters: FilterValues;
  onChange: (key: FilterKey, value: string) => void;
  /** The chosen process's steps (none before a process is chosen). */
  steps: Array<{ value: string; label: string }>;
  colleagues: Colleague[];
  sort: Sort;
  onSort: () => void;
}

/** The filters, the search and the sort above the list. */
export const InboxFilters = ({ filters, onChange, steps, colleagues, sort, onSort }: InboxFiltersProps) => {
  const on = (key: FilterKey) => (v: string) => onChange(key, v);
  return (
    <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
      <ProcessSelect value={filters.process} onChange={on('process')} />
      <Filter id="wf-step" label="步骤" value={filters.step} onChange={on('step')} options={steps} />
      <Filter
        id="wf-category"
        label="报装类型"
        value={filters.category}
        onChange={on('category')}
        options={CATEGORIES}
      />
      <Filter id="wf-channel" label="渠道" value={filters.channel} onChange={on('channel')} options={CHANNELS} />
      <Filter
        id="wf-assignee"
        label="处理人"
        value={filters.assignee}
        onChange={on('assignee')}
        options={colleagues.map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <Filter id="wf-warning" label="预警" value={filters.warning} onChange={on('warning')} options={WARNINGS} />
      <Filter id="wf-urged" label="催办" value={filters.urged} onChange={on('urged')} options={URGED} />
      <DateFilter id="wf-from" label="申请日期从" value={filters.from} onChange={on('from')} />
      <DateFilter id="wf-to" label="至" value={filters.to} onChange={on('to')} />
      <Box minWidth="280px">
        <TextInput
          aria-label="搜索"
          placeholder="报装编号 / 单位名称 / 电话 / 信用代码"
          value={filters.q}
          onChange={(e: any) => onChange('q', e.target.value)}
          name="q"
        />
      </Box>
      <Button variant="tertiary" onClick={onSort}>
        {sort === 'applied' ? '按申请时间' : '按历时'}排序
      </Button>
    </Flex>
  );
};
