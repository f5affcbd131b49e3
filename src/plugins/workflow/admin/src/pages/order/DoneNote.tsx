import { Link } from 'react-router-dom';
import { Box, Typography } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';

/** 办理成功: where the order went, its step and who holds it now (when the caller may still see it). */
export const DoneNote = ({ number, order }: { number: string; order: OrderView | null }) => {
  const where = order ? `“${order.stepLabel}”${order.assignee ? `（${order.assignee.name}）` : ''}` : '下一环节';
  return (
    <Box padding={6} data-testid="action-done">
      <Typography variant="beta">
        办理成功，工单 {number} 已转至{where}。
      </Typography>
      <Box marginTop={4}>
        <Link to="..">返回工单中心</Link>
      </Box>
    </Box>
  );
};
