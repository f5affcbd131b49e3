import { Box, Table, Tbody, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { AuditPage } from '../../api/audit';
import { AuditRow } from './AuditRow';

const COLUMNS = ['时间', '操作人', '类型', '操作', '记录', '变更内容'];

/** The page of entries; 没有符合条件的记录 under an empty one once loaded. */
export const AuditTable = ({ result }: { result: AuditPage | null }) => (
  <>
    <Table colCount={COLUMNS.length} rowCount={(result?.data.length ?? 0) + 1}>
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
        {(result?.data ?? []).map((e) => (
          <AuditRow key={e.id} entry={e} />
        ))}
      </Tbody>
    </Table>
    {result && !result.data.length ? (
      <Box padding={4}>
        <Typography textColor="neutral600">没有符合条件的记录</Typography>
      </Box>
    ) : null}
  </>
);
