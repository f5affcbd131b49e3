import { Link } from 'react-router-dom';
import { Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { DeadLetters } from './notifications/DeadLetters';
import { SmsUsagePanel } from './notifications/SmsUsagePanel';
import { useNotifications } from './notifications/useNotifications';

/** 通知与短信 (administrators): SMS used against the package and its cost; notifications that failed, to retry. */
export const NotificationsPage = () => {
  const { usage, dead, error, retry } = useNotifications();
  return (
    <Layouts.Root>
      <Layouts.Header
        title="通知与短信"
        subtitle="短信用量与费用；发送失败的通知可重新发送"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {usage ? <SmsUsagePanel usage={usage} /> : null}
        <DeadLetters dead={dead} onRetry={retry} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
