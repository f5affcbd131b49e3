import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';

/** 窗口受理成功: the number to tell the customer, the step it is in, and the receipt to hand over. */
export const EnteredNote = ({ order }: { order: OrderView }) => (
  <Box padding={6} marginBottom={4} background="success100" hasRadius data-testid="entered-note">
    <Typography variant="beta">
      受理成功，工单编号 {order.number}，当前环节“{order.stepLabel}”。
    </Typography>
    <Flex gap={4} marginTop={4}>
      <Link to="print/receipt" data-testid="print-receipt">
        打印受理回执
      </Link>
      <Link to="../new">继续受理</Link>
    </Flex>
  </Box>
);
