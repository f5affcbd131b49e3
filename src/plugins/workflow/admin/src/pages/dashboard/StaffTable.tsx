import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { Dashboard } from '../../api/metrics';
import { hours, percent } from './format';

const COLUMNS = ['姓名', '机构', '办理数', '平均处理时长', '按时率', '在办工单', '饱和度', '满意度'];

/** One staff member's figures. */
const StaffRow = ({ staff: s }: { staff: Dashboard['staff'][number] }) => (
  <Tr data-testid="staff-row">
    <Td>
      <Typography>{s.name}</Typography>
    </Td>
    <Td>
      <Typography>{s.organization ?? '—'}</Typography>
    </Td>
    <Td>
      <Typography>{s.handled}</Typography>
    </Td>
    <Td>
      <Typography>{hours(s.avgHandlingHours)}</Typography>
    </Td>
    <Td>
      <Typography>{percent(s.onTimeRate)}</Typography>
    </Td>
    <Td>
      <Typography>
        {s.openLoad} / {s.capacity}
      </Typography>
    </Td>
    <Td>
      <Typography>{percent(s.saturation)}</Typography>
    </Td>
    <Td>
      <Typography>{s.satisfaction ?? '—'}</Typography>
    </Td>
  </Tr>
);

/** 人员绩效: the staff table, and its export as Excel. */
export const StaffTable = ({ staff, onExport }: { staff: Dashboard['staff']; onExport: () => void }) => (
  <Box marginTop={6}>
    <Flex justifyContent="space-between" marginBottom={2}>
      <Typography variant="delta">人员绩效</Typography>
      <Button variant="secondary" onClick={onExport} data-testid="export-staff">
        导出Excel
      </Button>
    </Flex>
    <Table colCount={COLUMNS.length} rowCount={staff.length + 1}>
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
        {staff.map((s) => (
          <StaffRow key={s.id} staff={s} />
        ))}
      </Tbody>
    </Table>
  </Box>
);
