import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { listMessages, markAllRead, markRead } from '../api/messages';
import type { Message } from '../../../shared/api-types';
import { Pager } from '../components/Pager';

const time = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(new Date(iso));

/** 消息: warnings, urges and knowledge notes addressed to this staff member, newest first. */
export const MessagesPage = () => {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<Message[]>([]);
  const [unread, setUnread] = useState(0);
  const [pageCount, setPageCount] = useState(1);

  const load = useCallback(() => {
    listMessages(page).then((res) => {
      setRows(res.data);
      setUnread(res.meta.unread);
      setPageCount(Math.max(1, res.meta.pagination.pageCount));
    });
  }, [page]);
  useEffect(load, [load]);

  const open = async (m: Message) => {
    if (!m.read) await markRead(m.id);
    if (m.number) navigate(`../${m.number}`);
    else load();
  };

  return (
    <Layouts.Root>
      <Layouts.Header
        title="消息"
        subtitle={`${unread} 条未读`}
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Button
            variant="secondary"
            disabled={!unread}
            onClick={async () => {
              await markAllRead();
              load();
            }}
          >
            全部标为已读
          </Button>
        }
      />
      <Layouts.Content>
        {rows.map((m) => (
          <Box
            key={m.id}
            padding={4}
            marginBottom={2}
            background={m.read ? 'neutral0' : 'primary100'}
            hasRadius
            shadow="tableShadow"
            data-testid="message"
            data-read={m.read ? 'true' : 'false'}
            style={{ cursor: 'pointer' }}
            onClick={() => open(m)}
          >
            <Flex justifyContent="space-between">
              <Typography fontWeight={m.read ? 'regular' : 'bold'}>{m.title}</Typography>
              <Typography textColor="neutral500">{time(m.createdAt)}</Typography>
            </Flex>
            {m.body ? (
              <Typography tag="p" textColor="neutral700">
                {m.body}
              </Typography>
            ) : null}
          </Box>
        ))}
        {rows.length === 0 ? <Typography textColor="neutral600">没有消息</Typography> : null}
        <Pager page={page} pageCount={pageCount} onChange={setPage} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
