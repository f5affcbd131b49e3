import { Link, useNavigate } from 'react-router-dom';
import { Badge, Button, Flex, Td, Tr, Typography } from '@strapi/design-system';
import type { OrderRow } from '../../api/orders';
import { ElapsedBadge } from '../../components/ElapsedBadge';

const formatTime = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

/** 催办 N次 with the last time, on an order urged in its current step. */
const UrgedBadge = ({ order }: { order: OrderRow }) =>
  order.urged ? (
    <Badge active data-testid="urged-badge" title={`最近催办：${formatTime(order.urged.lastAt)}`}>
      催办{order.urged.count}次 · {formatTime(order.urged.lastAt).slice(5)}
    </Badge>
  ) : null;

/** Who holds the order now: its assignee, 待认领 while it waits for whoever of its step's roles takes it. */
const holderOf = (o: OrderRow) => (o.assignee ? o.assignee.name : o.outcome ? '—' : '待认领');

/** The actions the caller may take now, each opening the order at its form; — when there are none. */
const RowActions = ({ order }: { order: OrderRow }) => {
  const navigate = useNavigate();
  const actions = order.actions ?? [];
  return (
    <Flex gap={1} wrap="wrap">
      {actions.map((a) => (
        <Button
          key={a.action}
          size="S"
          variant="secondary"
          onClick={() => navigate(`${order.number}#action-${a.action}`)}
        >
          {a.label}
        </Button>
      ))}
      {actions.length === 0 ? <Typography textColor="neutral500">—</Typography> : null}
    </Flex>
  );
};

/** One order in the list: the customer's columns, links to its details and records, its actions. */
export const InboxRow = ({ order: o }: { order: OrderRow }) => (
  <Tr data-testid="order-row">
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
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography>{o.stepLabel}</Typography>
        <UrgedBadge order={o} />
      </Flex>
    </Td>
    <Td>
      <Typography textColor={o.assignee ? undefined : 'neutral500'}>{holderOf(o)}</Typography>
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
      <RowActions order={o} />
    </Td>
  </Tr>
);
