import { useNavigate } from 'react-router-dom';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { Pager } from '../components/Pager';
import { InboxFilters } from './inbox/InboxFilters';
import { InboxLinks } from './inbox/InboxLinks';
import { InboxTable } from './inbox/InboxTable';
import { InboxTabs } from './inbox/InboxTabs';
import { stepsOf } from './inbox/options';
import { useInbox } from './inbox/useInbox';
import { useLookups } from './inbox/useLookups';

/** 工单中心: the staff member's orders with the customer's columns, tabs, filters, search and export. */
export const InboxPage = () => {
  const navigate = useNavigate();
  const { defs, colleagues, unread, can } = useLookups();
  const inbox = useInbox();
  const { process } = inbox.filters;
  const steps = process ? stepsOf(defs.find((d) => d.key === process)?.spec) : [];

  return (
    <Layouts.Root>
      <Layouts.Header
        title="工单中心"
        subtitle="报装与能效服务工单，按权限显示"
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={inbox.download} data-testid="export">
              导出Excel
            </Button>
            <Button onClick={() => navigate('new')}>窗口受理</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <InboxLinks unread={unread} can={can} />
        <InboxTabs tab={inbox.tab} counts={inbox.counts} onChange={inbox.setTab} />
        <InboxFilters
          filters={inbox.filters}
          onChange={inbox.setFilter}
          steps={steps}
          colleagues={colleagues}
          sort={inbox.sort}
          onSort={inbox.toggleSort}
        />
        {inbox.error ? <Typography textColor="danger600">{inbox.error}</Typography> : null}
        <InboxTable rows={inbox.rows} error={inbox.error} />
        <Pager page={inbox.page} pageCount={inbox.pageCount} onChange={inbox.setPage} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
