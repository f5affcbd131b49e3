import { Button, Flex } from '@strapi/design-system';
import { TABS, type Tab } from './options';
import type { Counts } from './useInbox';

interface InboxTabsProps {
  tab: Tab;
  counts: Counts | null;
  onChange: (tab: Tab) => void;
}

/** 待办, 已办, 全部, 超期 with their counts, and the archive. */
export const InboxTabs = ({ tab, counts, onChange }: InboxTabsProps) => (
  <Flex gap={2} marginBottom={4} wrap="wrap">
    {TABS.map((t) => (
      <Button
        key={t.key}
        variant={tab === t.key ? 'default' : 'tertiary'}
        onClick={() => onChange(t.key)}
        data-testid={`tab-${t.key}`}
      >
        {t.label}
        {counts && t.key !== 'closed' ? `（${counts[t.key]}）` : ''}
      </Button>
    ))}
  </Flex>
);
