import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Flex, Typography } from '@strapi/design-system';
import { listOrders, type OrderView } from '../../api/orders';

/** The caller's most urgent open work other than this order, if any. */
const useNextTodo = (number: string) => {
  const [next, setNext] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    listOrders({ mine: true, sort: 'elapsed', page: 1, pageSize: 2 })
      .then((res) => live && setNext(res.data.find((o) => o.number !== number)?.number ?? null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [number]);
  return next;
};

/** 办理成功: where the order went, its step and who holds it now, and the caller's next order to handle. */
export const DoneNote = ({ number, order }: { number: string; order: OrderView | null }) => {
  const next = useNextTodo(number);
  const holder = order?.assignee ? `（${order.assignee.name}）` : '';
  const where = order ? `“${order.stepLabel}”${holder}` : '下一环节';
  const text = order?.outcome ? `已提交，工单 ${number} 已办结。` : `已提交，工单 ${number} 已转至${where}。`;
  return (
    <Box padding={6} marginBottom={4} background="success100" hasRadius data-testid="action-done">
      <Typography variant="beta">{text}</Typography>
      <Flex gap={4} marginTop={4}>
        {next ? (
          <Link to={`../${next}`} data-testid="next-todo">
            下一条待办（{next}）
          </Link>
        ) : (
          <Typography textColor="neutral600">暂无其他待办</Typography>
        )}
        <Link to="..">返回工单中心</Link>
      </Flex>
    </Box>
  );
};
