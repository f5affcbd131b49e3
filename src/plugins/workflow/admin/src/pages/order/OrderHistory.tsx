import { Box, Typography } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';
import { CorrectionChanges } from '../../components/CorrectionForm';
import { ElapsedBadge } from '../../components/ElapsedBadge';

type HistoryEvent = OrderView['history'][number];

const time = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(new Date(iso));

/** One event: the action, who and when, the step it led to, the time spent, the comment, a correction's changes. */
const TimelineEvent = ({ order, event: e }: { order: OrderView; event: HistoryEvent }) => (
  <Box paddingTop={2} paddingBottom={2} data-testid="timeline-event">
    <Typography fontWeight="bold">{e.actionLabel}</Typography>
    <Typography textColor="neutral600">
      {' '}
      · {e.actor.name} · {time(e.at)}
    </Typography>
    {e.toStepLabel && e.toStep !== e.fromStep ? <Typography> → {e.toStepLabel}</Typography> : null}
    {e.elapsed ? <Typography> · 用时 </Typography> : null}
    {e.elapsed ? <ElapsedBadge elapsed={e.elapsed} /> : null}
    {e.comment ? (
      <Typography tag="p" textColor="neutral700">
        {e.action === 'correct' ? '更正原因' : '意见'}：{e.comment}
      </Typography>
    ) : null}
    {e.action === 'correct' ? <CorrectionChanges order={order} changes={e.changes} /> : null}
  </Box>
);

/** 办理记录: the order's history, oldest first. */
export const OrderHistory = ({ order }: { order: OrderView }) => (
  <Box id="history" padding={4} background="neutral0" hasRadius shadow="tableShadow" marginBottom={4}>
    <Typography variant="delta" tag="h2">
      办理记录（共{order.history.length}条）
    </Typography>
    {order.history.map((e) => (
      <TimelineEvent key={e.seq} order={order} event={e} />
    ))}
  </Box>
);
