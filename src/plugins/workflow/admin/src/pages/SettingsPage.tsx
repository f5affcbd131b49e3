import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { getSettings, saveSettings, type Settings } from '../api/settings';

const Field = ({ id, label, children }: { id: string; label: string; children: React.ReactNode }) => (
  <Box marginBottom={3}>
    <Typography variant="pi" tag="label" htmlFor={id}>
      {label}
    </Typography>
    <Box>{children}</Box>
  </Box>
);

/** 业务设置 (super administrators): SMS templates per event, package and price, office hours, warning percentages. */
export const SettingsPage = () => {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [events, setEvents] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    getSettings().then((res) => {
      setSettings(res.data);
      setEvents(res.meta.events);
    });
  }, []);
  if (!settings) return null;
  const sms = settings.sms;
  const setSms = (patch: Partial<Settings['sms']>) => setSettings({ ...settings, sms: { ...sms, ...patch } });

  const save = async () => {
    try {
      setSettings(await saveSettings(settings));
      setMessage({ ok: true, text: '设置已保存，所有实例在下一轮任务前生效' });
    } catch (error: any) {
      const problems = error?.response?.data?.error?.details?.errors ?? [];
      setMessage({ ok: false, text: problems.map((p: any) => p.message).join('；') || '保存失败' });
    }
  };

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
            <Typography variant="delta">短信</Typography>
            <Field id="sms-sign" label="短信签名">
              <input id="sms-sign" value={sms.signName} onChange={(e) => setSms({ signName: e.target.value })} />
            </Field>
            <Field id="sms-included" label="套餐包含条数">
              <input
                id="sms-included"
                type="number"
                min={0}
                value={sms.included}
                onChange={(e) => setSms({ included: Number(e.target.value) })}
              />
            </Field>
            <Field id="sms-price" label="超出后每条（元）">
              <input
                id="sms-price"
                type="number"
                min={0}
                step={0.01}
                value={sms.price}
                onChange={(e) => setSms({ price: Number(e.target.value) })}
              />
            </Field>
            <Typography variant="sigma">各事件的短信模板代码</Typography>
            {events.map((event) => (
              <Flex key={event} gap={2} marginTop={1}>
                <code style={{ width: 200, fontSize: 12 }}>{event}</code>
                <input
                  aria-label={`${event}的短信模板`}
                  placeholder="SMS_…"
                  value={sms.templates[event] ?? ''}
                  onChange={(e) => setSms({ templates: { ...sms.templates, [event]: e.target.value.trim() } })}
                />
              </Flex>
            ))}
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Typography variant="delta">时限与预警</Typography>
            <Field id="office-hours" label="办公时间（按工作小时计时的环节使用）">
              <input
                id="office-hours"
                value={settings.officeHours}
                onChange={(e) => setSettings({ ...settings, officeHours: e.target.value })}
                placeholder="09:00-17:00"
              />
            </Field>
            <Typography variant="pi">预警比例（占环节时限的百分比）</Typography>
            <Flex gap={2} marginTop={1}>
              {['一级', '二级', '三级'].map((label, i) => (
                <label key={label}>
                  {label}{' '}
                  <input
                    aria-label={`${label}预警比例`}
                    type="number"
                    min={1}
                    value={settings.warningPercents[i]}
                    style={{ width: 70 }}
                    onChange={(e) => {
                      const next = [...settings.warningPercents] as Settings['warningPercents'];
                      next[i] = Number(e.target.value);
                      setSettings({ ...settings, warningPercents: next });
                    }}
                  />
                  %
                </label>
              ))}
            </Flex>
            <Box marginTop={6}>
              <Typography variant="delta">知识库</Typography>
              <Typography tag="p">文章按业务、类型和环节推送给申请人和员工。</Typography>
              <a
                href="/admin/content-manager/collection-types/api::knowledge-article.knowledge-article"
                data-testid="knowledge-link"
              >
                管理知识库文章
              </a>
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
