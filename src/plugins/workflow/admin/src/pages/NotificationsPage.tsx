import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { getSmsUsage, listDeadLetters, retryNotification, type DeadLetter, type SmsUsage } from '../api/messages';

const CHANNELS: Record<string, string> = { sms: '短信', message: '站内消息', wechat: '微信订阅消息' };
const yuan = (n: number) => `¥${n.toFixed(2)}`;

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

/** 通知与短信 (administrators): SMS used against the package and its cost; notifications that failed, to retry. */
export const NotificationsPage = () => {
  const [usage, setUsage] = useState<SmsUsage | null>(null);
  const [dead, setDead] = useState<DeadLetter[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([getSmsUsage(), listDeadLetters(1)])
      .then(([u, d]) => {
        setUsage(u);
        setDead(d.data);
      })
      .catch((e) => setError(e?.response?.status === 403 ? '只有管理员可以查看此页' : '加载失败，请刷新重试'));
  }, []);
  useEffect(load, [load]);

  return (
    <Layouts.Root>
      <Layouts.Header
        title="通知与短信"
        subtitle="短信用量与费用；发送失败的通知可重新发送"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {usage ? (
          <>
            <Grid.Root gap={4}>
              <Grid.Item col={3} s={6}>
                <Figure label="已发送短信" value={`${usage.used.toLocaleString('zh-CN')} 条`} testId="sms-used" />
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Figure
                  label={`套餐剩余（含 ${usage.included.toLocaleString('zh-CN')} 条）`}
                  value={`${usage.left.toLocaleString('zh-CN')} 条`}
                  testId="sms-left"
                />
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Figure label="超出套餐" value={`${usage.overage.toLocaleString('zh-CN')} 条`} testId="sms-overage" />
              </Grid.Item>
              <Grid.Item col={3} s={6}>
                <Figure label={`超出费用（${usage.price} 元/条）`} value={yuan(usage.cost)} testId="sms-cost" />
              </Grid.Item>
            </Grid.Root>
            <Box marginTop={4} marginBottom={6}>
              <Table colCount={4} rowCount={usage.months.length + 1}>
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
                  {usage.months.map((m) => (
                    <Tr key={m.month} data-testid="sms-month">
                      <Td>
                        <Typography>{m.month}</Typography>
                      </Td>
                      <Td>
                        <Typography>{m.sent.toLocaleString('zh-CN')}</Typography>
                      </Td>
                      <Td>
                        <Typography>{m.overage.toLocaleString('zh-CN')}</Typography>
                      </Td>
                      <Td>
                        <Typography>{yuan(m.cost)}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
          </>
        ) : null}
        <Typography variant="delta" tag="h2">
          发送失败的通知（{dead.length}）
        </Typography>
        <Box marginTop={2}>
          <Table colCount={6} rowCount={dead.length + 1}>
            <Thead>
              <Tr>
                {['工单', '渠道', '通知', '接收人', '失败原因', '操作'].map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {dead.map((d) => (
                <Tr key={d.id} data-testid="dead-letter">
                  <Td>{d.number ? <Link to={`../${d.number}`}>{d.number}</Link> : '—'}</Td>
                  <Td>
                    <Typography>{CHANNELS[d.channel] ?? d.channel}</Typography>
                  </Td>
                  <Td>
                    <Typography title={d.template}>{d.title}</Typography>
                  </Td>
                  <Td>
                    <Typography>{d.recipient ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="danger600">
                      {d.lastError}（已尝试{d.attempts}次）
                    </Typography>
                  </Td>
                  <Td>
                    <Flex>
                      <Button
                        size="S"
                        onClick={async () => {
                          await retryNotification(d.id);
                          load();
                        }}
                      >
                        重新发送
                      </Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {dead.length === 0 ? (
            <Box padding={4}>
              <Typography textColor="neutral600">没有发送失败的通知</Typography>
            </Box>
          ) : null}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
