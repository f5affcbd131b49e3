import { Box, Flex, Typography } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';
import { CorrectionForm } from '../../components/CorrectionForm';
import { ElapsedBadge } from '../../components/ElapsedBadge';

/** 申请信息: the application's fields by their labels, the time in the current step, and its correction. */
export const ApplicationInfo = ({ order, onCorrected }: { order: OrderView; onCorrected: () => void }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" marginBottom={4}>
    <Typography variant="delta" tag="h2">
      申请信息
    </Typography>
    <Flex direction="column" alignItems="stretch" gap={1} marginTop={2}>
      {Object.entries(order.formData).map(([k, v]) => (
        <Typography key={k}>
          <strong>{order.form.fields.find((f) => f.name === k)?.label ?? k}</strong>：{String(v)}
        </Typography>
      ))}
      <Typography>
        当前步骤历时：
        <ElapsedBadge elapsed={order.elapsed} warningLevel={order.warningLevel} />
      </Typography>
    </Flex>
    <CorrectionForm key={order.version} order={order} onDone={onCorrected} />
  </Box>
);
