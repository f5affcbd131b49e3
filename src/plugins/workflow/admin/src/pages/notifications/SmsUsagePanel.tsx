import { Box, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { SmsUsage } from '../../api/messages';

const yuan = (n: number) => `¥${n.toFixed(2)}`;
const count = (n: number) => n.toLocaleString('zh-CN');

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
    <Typography variant="pi" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p" data-testid={testId}>
      {value}
    </Typography>
  </Box>
);

/** 已发送短信, what is left of the package, the overage and its cost. */
const SmsFigures = ({ usage }: { usage: SmsUsage }) => (
  <Grid.Root gap={4}>
    <Grid.Item col={3} s={6}>
      <Figure label="已发送短信" value={`${count(usage.used)} 条`} testId="sms-used" />
    </Grid.Item>
    <Grid.Item col={3} s={6}>
      <Figure
        label={`套餐剩余（含 ${count(usage.included)} 条）`}
        value={`${count(usage.left)} 条`}
        testId="sms-left"
      />
    </Grid.Item>
    <Grid.Item col={3} s={6}>
      <Figure label="超出套餐" value={`${count(usage.overage)} 条`} testId="sms-overage" />
    </Grid.Item>
    <Grid.Item col={3} s={6}>
      <Figure label={`超出费用（${usage.price} 元/条）`} value={yuan(usage.cost)} testId="sms-cost" />
    </Grid.Item>
  </Grid.Root>
);

/** Month by month: SMS sent, over the package, and the cost. */
const SmsMonths = ({ months }: { months: SmsUsage['months'] }) => (
  <Box marginTop={4} marginBottom={6}>
    <Table colCount={4} rowCount={months.length + 1}>
      <Thead>
        <Tr>
          {['月份', '发送条数', '超出套餐', '费用'].map((h) => (
            <Th key={h}>
              <Typography variant="sigma">{h}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {months.map((m) => (
          <Tr key={m.month} data-testid="sms-month">
            <Td>
              <Typography>{m.month}</Typography>
            </Td>
            <Td>
              <Typography>{count(m.sent)}</Typography>
            </Td>
            <Td>
              <Typography>{count(m.overage)}</Typography>
            </Td>
            <Td>
              <Typography>{yuan(m.cost)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  </Box>
);

/** The SMS used against the package, and month by month. */
export const SmsUsagePanel = ({ usage }: { usage: SmsUsage }) => (
  <>
    <SmsFigures usage={usage} />
    <SmsMonths months={usage.months} />
  </>
);
