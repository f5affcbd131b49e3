import { Box, Typography } from '@strapi/design-system';
import type { OrderView } from '../../api/orders';
import { ActionPanel } from '../../components/ActionPanel';
import { ContractDraft } from '../../components/ContractDraft';
import { RelatedRecords } from '../../components/RelatedRecords';
import { ReassignBox } from './ReassignBox';
import { SuperviseBox } from './SuperviseBox';

interface OrderHandlingProps {
  order: OrderView;
  /** After an action: the order may have moved on. */
  onDone: () => void;
  /** After a file or a contract draft: the order is loaded again. */
  onChanged: () => void;
}

/** 办理: the actions open to the caller, the contract draft, and the order's related records. */
export const OrderHandling = ({ order, onDone, onChanged }: OrderHandlingProps) => (
  <>
    <Typography variant="delta" tag="h2">
      办理
    </Typography>
    <Box marginTop={2}>
      <ActionPanel
        number={order.number}
        version={order.version}
        actions={order.actions}
        onDone={onDone}
        onUploaded={onChanged}
      />
    </Box>
    <ReassignBox order={order} onDone={onChanged} />
    <SuperviseBox order={order} onDone={onChanged} />
    <ContractDraft number={order.number} processKey={order.processKey} onDone={onChanged} />
    <Box marginTop={4}>
      <RelatedRecords order={order} />
    </Box>
  </>
);
