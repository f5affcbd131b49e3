import { Link } from 'react-router-dom';
import { Box, Button, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import type { Settings } from '../api/settings';
import { SmsSettings } from './settings/SmsSettings';
import { TimingSettings } from './settings/TimingSettings';
import { useSettings } from './settings/useSettings';

/** 业务设置 (super administrators): SMS templates per event, package and price, office hours, warning percentages. */
export const SettingsPage = () => {
  const { settings, setSettings, events, message, save } = useSettings();
  if (!settings) return null;
  const setSms = (patch: Partial<Settings['sms']>) => setSettings({ ...settings, sms: { ...settings.sms, ...patch } });

  return (
    <Layouts.Root>
      <Layouts.Header
        title="业务设置"
        subtitle="短信模板、套餐与单价、办公时间、预警比例"
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Button onClick={save} data-testid="save-settings">
            保存
          </Button>
        }
      />
      <Layouts.Content>
        {message ? (
          <Box marginBottom={3}>
            <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="settings-message">
              {message.text}
            </Typography>
          </Box>
        ) : null}
        <Grid.Root gap={6}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <SmsSettings sms={settings.sms} events={events} onChange={setSms} />
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TimingSettings settings={settings} onChange={setSettings} />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
