import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ContractTemplate } from '../../api/contracts';
import { PROCESSES } from './processes';

/** The templates: name, the business each is for, and the placeholders found in it. */
export const TemplateTable = ({ templates }: { templates: ContractTemplate[] }) => (
  <Table colCount={3} rowCount={templates.length + 1}>
    <Thead>
      <Tr>
        {['名称', '适用业务', '占位符'].map((h) => (
          <Th key={h}>
            <Typography variant="sigma">{h}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {templates.map((t) => (
        <Tr key={t.id} data-testid="template-row">
          <Td>
            <Typography>{t.name}</Typography>
          </Td>
          <Td>
            <Typography>{t.processKey ? (PROCESSES[t.processKey] ?? t.processKey) : '全部业务'}</Typography>
          </Td>
          <Td>
            <Typography>{(t.placeholders ?? []).join('、')}</Typography>
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
