import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { downloadArchive, downloadFile, getOrder, type OrderView } from '../api/orders';
import { ActionPanel } from '../components/ActionPanel';
import { ElapsedBadge } from '../components/ElapsedBadge';
import { RelatedRecords } from '../components/RelatedRecords';
import { ContractDraft } from '../components/ContractDraft';
import { CorrectionChanges, CorrectionForm } from '../components/CorrectionForm';
import { ImagePreview } from '../components/ImagePreview';
import { saveBlob } from '../components/saveBlob';

const KIND_LABELS: Record<string, string> = {
  'site-photo': '现场照片',
  'plan-sketch': '方案草图',
  plan: '方案',
  drawing: '施工图',
  budget: '预算',
  contract: '合同',
  'signed-contract': '双方签字合同',
  'construction-start-photo': '开工照片',
  'construction-finish-photo': '完工照片',
  'water-on-photo': '通水照片',
  visa: '现场签证',
  'acceptance-form': '验收单',
  'handover-form': '移交单',
  'as-built-drawing': '竣工图',
  settlement: '决算书',
  'voice-note': '语音备注',
  video: '视频',
  other: '其他',
};

const time = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(new Date(iso));

/** The order: application data, timeline with elapsed per step, files by kind, and what this person can do now. */
export const OrderPage = () => {
  const { number = '' } = useParams();
  const [order, setOrder] = useState<OrderView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const load = useCallback(() => {
    getOrder(number)
      .then((o) => {
        setOrder(o);
        setError(null);
      })
      .catch((e) =>
        setError(
          e?.response?.data?.error?.status === 404 || e?.status === 404 ? '工单不存在或您无权查看' : '工单加载失败',
        ),
      );
  }, [number]);
  useEffect(load, [load]);

  // After an action the order may have moved to someone else's step: say so instead of "not found".
  const afterAction = () => {
    setDone(true);
    getOrder(number)
      .then(setOrder)
      .catch(() => setOrder(null));
  };

  // Where the order went: its step and who holds it now (staff keep sight of orders they acted on).
  const where = order ? `“${order.stepLabel}”${order.assignee ? `（${order.assignee.name}）` : ''}` : '下一环节';
  const doneNote = (
    <Box padding={6} data-testid="action-done">
      <Typography variant="beta">
        办理成功，工单 {number} 已转至{where}。
      </Typography>
      <Box marginTop={4}>
        <Link to="..">返回工单中心</Link>
      </Box>
    </Box>
  );
  if (done && !order) {
    return (
      <Layouts.Root>
        <Layouts.Content>{doneNote}</Layouts.Content>
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
          </Flex>
        }
      />
      <Layouts.Content>
        {done && order.actions.length === 0 ? doneNote : null}
        <Grid.Root gap={4}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
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
              <CorrectionForm key={order.version} order={order} onDone={load} />
            </Box>
            <Box id="history" padding={4} background="neutral0" hasRadius shadow="tableShadow" marginBottom={4}>
              <Typography variant="delta" tag="h2">
                办理记录（共{order.history.length}条）
              </Typography>
              {order.history.map((e) => (
                <Box key={e.seq} paddingTop={2} paddingBottom={2} data-testid="timeline-event">
                  <Typography fontWeight="bold">{e.actionLabel}</Typography>
                  <Typography textColor="neutral600">
                    {' '}
                    · {e.actor.name} · {time(e.at)}
                  </Typography>
                  {e.toStepLabel && e.toStep !== e.fromStep ? <Typography> → {e.toStepLabel}</Typography> : null}
                  {e.elapsed ? <Typography> · 用时 </Typography> : null}
                  {e.elapsed ? <ElapsedBadge elapsed={e.elapsed} /> : null}
                  {e.comment ? (
                    <Typography tag="p" textColor="neutral700">
                      {e.action === 'correct' ? '更正原因' : '意见'}：{e.comment}
                    </Typography>
                  ) : null}
                  {e.action === 'correct' ? <CorrectionChanges order={order} changes={e.changes} /> : null}
                </Box>
              ))}
            </Box>
            <Box padding={4} background="neutral0" hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">
                附件
              </Typography>
              {Object.entries(order.files).map(([kind, list]) => (
                <Box key={kind} marginTop={2}>
                  <Typography fontWeight="bold">{KIND_LABELS[kind] ?? kind}</Typography>
                  {list.map((f) => (
                    <Flex key={f.id} gap={2} marginTop={1}>
                      {f.mime?.startsWith('image/') ? (
                        <ImagePreview number={order.number} fileId={f.id} name={f.name} />
                      ) : null}
                      <Typography>
                        v{f.version}
                        {f.current ? '（当前）' : ''} {f.name}
                      </Typography>
                      <Button
                        size="S"
                        variant="tertiary"
                        onClick={async () => saveBlob(await downloadFile(order.number, f.id), f.name)}
                      >
                        下载
                      </Button>
                    </Flex>
                  ))}
                </Box>
              ))}
            </Box>
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
            <Typography variant="delta" tag="h2">
              办理
            </Typography>
            <Box marginTop={2}>
              <ActionPanel
                number={order.number}
                version={order.version}
                actions={order.actions}
                onDone={afterAction}
                onUploaded={load}
              />
            </Box>
            <ContractDraft number={order.number} processKey={order.processKey} onDone={load} />
            <Box marginTop={4}>
              <RelatedRecords order={order} />
            </Box>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};
