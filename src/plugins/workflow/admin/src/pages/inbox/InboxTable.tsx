import { Box, Table, Tbody, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { OrderRow } from '../../api/orders';
import { InboxRow } from './InboxRow';

const COLUMNS = ['报装编号', '单位名称', '申请时间', '报装类型', '建筑面积', '状态', '处理人', '历时', '信息', '操作'];

/** The page of orders; 没有符合条件的工单 under an empty list unless loading failed. */
export const InboxTable = ({ rows, error }: { rows: OrderRow[]; error: string | null }) => (
  <>
    <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((h) => (
            <Th key={h}>
              <Typography variant="sigma">{h}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((o) => (
          <InboxRow key={o.number} order={o} />
        ))}
      </Tbody>
    </Table>
    {rows.length === 0 && !error ? (
      <Box padding={6}>
        <Typography textColor="neutral600">没有符合条件的工单</Typography>
      </Box>
    ) : null}
  </>
);
