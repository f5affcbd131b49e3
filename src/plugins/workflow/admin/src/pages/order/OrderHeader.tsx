import { Link } from 'react-router-dom';
import { Button, Flex } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { downloadArchive, type OrderView } from '../../api/orders';
import { saveBlob } from '../../components/saveBlob';

/** The order's number, title and step, with its archive, its receipt and, for enterprise water, the sheets to print. */
export const OrderHeader = ({ order, done }: { order: OrderView; done: boolean }) => (
  <Layouts.Header
    title={`${order.number} ${order.title ?? ''}`}
    subtitle={`${order.processName} · 当前：${order.stepLabel}${done ? ' · 已办理' : ''}`}
    navigationAction={<Link to="..">返回工单中心</Link>}
    primaryAction={
      <Flex gap={2}>
        {order.archived ? (
          <Button
            variant="secondary"
            onClick={async () => saveBlob(await downloadArchive(order.number), `${order.number}-归档.zip`)}
            data-testid="download-archive"
          >
            下载归档
          </Button>
        ) : null}
        {order.processKey === 'water-enterprise' ? <Link to="print/dispatch-sheet">打印派工单</Link> : null}
        {order.processKey === 'water-enterprise' ? <Link to="print/budget-book">打印预算书</Link> : null}
        <Link to="print/receipt">打印受理回执</Link>
      </Flex>
    }
  />
);
