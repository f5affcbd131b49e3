import { useLocation, useParams } from 'react-router-dom';
import { Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { ApplicationInfo } from './order/ApplicationInfo';
import { DoneNote } from './order/DoneNote';
import { EnteredNote } from './order/EnteredNote';
import { OrderFiles } from './order/OrderFiles';
import { OrderHandling } from './order/OrderHandling';
import { OrderHeader } from './order/OrderHeader';
import { OrderHistory } from './order/OrderHistory';
import { useOrder } from './order/useOrder';

/** The order: application data, timeline with elapsed per step, files by kind, and what this person can do now. */
export const OrderPage = () => {
  const { number = '' } = useParams();
  const { order, error, done, load, afterAction } = useOrder(number);
  // Window entry opens the order it created, with its receipt to print.
  const entered = !!(useLocation().state as { entered?: boolean } | null)?.entered;

  if (done && !order) {
    return (
      <Layouts.Root>
        <Layouts.Content>
          <DoneNote number={number} order={order} />
        </Layouts.Content>
      </Layouts.Root>
    );
  }
  if (error)
    return (
      <Layouts.Root>
        <Layouts.Content>
          <Typography textColor="danger600">{error}</Typography>
        </Layouts.Content>
      </Layouts.Root>
    );
  if (!order) return null;

  return (
    <Layouts.Root>
      <OrderHeader order={order} done={done} />
      <Layouts.Content>
        {entered && !done ? <EnteredNote order={order} /> : null}
        {done && order.actions.length === 0 ? <DoneNote number={number} order={order} /> : null}
        <Grid.Root gap={4}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
            <ApplicationInfo order={order} onCorrected={load} />
            <OrderHistory order={order} />
            <OrderFiles order={order} />
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <OrderHandling order={order} onDone={afterAction} onChanged={load} />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
