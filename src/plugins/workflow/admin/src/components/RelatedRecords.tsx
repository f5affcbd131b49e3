import { useEffect, useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { verifyChain, type OrderView } from '../api/orders';

const COUNTERPARTY: Record<string, string> = { unknown: '对方审批中', approved: '对方已通过', rejected: '对方未通过' };
const CONTRACT_OUTCOME: Record<string, string> = {
  approved: '审批通过',
  'not-approved': '未通过',
  terminated: '已终止',
};

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" marginBottom={4} data-testid={testId}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box marginTop={2}>{children}</Box>
  </Box>
);

type Related = OrderView['related'];

/** The history's hash chain, verified again whenever the order changes. */
const useChain = (order: OrderView) => {
  const [chain, setChain] = useState<{ valid: boolean; events: number; brokenAt?: number; reason?: string } | null>(
    null,
  );
  useEffect(() => {
    verifyChain(order.number)
      .then(setChain)
      .catch(() => setChain(null));
  }, [order.number, order.version, order.history.length]);
  return chain;
};

/** 存证校验: whether the order's history is intact, and where it is not. */
const ChainState = ({ order }: { order: OrderView }) => {
  const chain = useChain(order);
  return (
    <Section title="存证校验" testId="chain-state">
      {chain ? (
        <Typography textColor={chain.valid ? 'success600' : 'danger600'} fontWeight="bold">
          {chain.valid ? `区块链存证校验通过（共${chain.events}条记录）` : `存证校验失败：${chain.reason}`}
        </Typography>
      ) : (
        <Typography textColor="neutral600">校验中…</Typography>
      )}
    </Section>
  );
};

const Contracts = ({ contracts }: { contracts: Related['contracts'] }) =>
  contracts.length ? (
    <Section title="合同">
      {contracts.map((c) => (
        <Typography key={c.contractNo} tag="p">
          {c.contractNo} {c.name} · ¥{c.amount} · {COUNTERPARTY[c.counterpartyOutcome] ?? c.counterpartyOutcome} ·
          已审批 {(c.approvals ?? []).length}/7{c.outcome ? ` · ${CONTRACT_OUTCOME[c.outcome] ?? c.outcome}` : ''}
        </Typography>
      ))}
    </Section>
  ) : null;

const Payments = ({ payments }: { payments: Related['payments'] }) =>
  payments.length ? (
    <Section title="缴费">
      {payments.map((p, i) => (
        <Typography key={i} tag="p">
          ¥{p.amount} · {p.paid ? '已缴费' : '未缴费'}
          {p.receiptNo ? ` · 票据号 ${p.receiptNo}` : ''}
        </Typography>
      ))}
    </Section>
  ) : null;

/** 勘察记录: the notes, and where the survey was made on a map. */
const Surveys = ({ surveys }: { surveys: Related['surveys'] }) =>
  surveys.length ? (
    <Section title="勘察记录">
      {surveys.map((s, i) => (
        <Typography key={i} tag="p">
          {s.notes ?? ''}{' '}
          {s.latitude !== null && s.longitude !== null ? (
            <a
              href={`https://uri.amap.com/marker?position=${s.longitude},${s.latitude}`}
              target="_blank"
              rel="noreferrer"
            >
              在地图中查看（{s.latitude}, {s.longitude}）
            </a>
          ) : null}
        </Typography>
      ))}
    </Section>
  ) : null;

const Reports = ({ reports }: { reports: Related['reports'] }) =>
  reports.length ? (
    <Section title="进度报告">
      {reports.map((r, i) => (
        <Typography key={i} tag="p" textColor={r.exception ? 'danger600' : 'neutral800'}>
          {r.exception ? '【异常】' : ''}
          {r.stage ? `${r.stage}：` : ''}
          {r.text}
        </Typography>
      ))}
    </Section>
  ) : null;

const Signatures = ({ signatures }: { signatures: Related['signatures'] }) =>
  signatures.length ? (
    <Section title="电子签名">
      {signatures.map((s) => (
        <Typography key={s.sha256} tag="p">
          签署时间 {new Date(s.signedAt).toLocaleString('zh-CN')} · SHA-256 {s.sha256.slice(0, 16)}…
        </Typography>
      ))}
    </Section>
  ) : null;

/** Contract, payment, survey (with a map link), progress reports, signatures and the chain's state. */
export const RelatedRecords = ({ order }: { order: OrderView }) => {
  const { contracts, payments, surveys, reports, signatures } = order.related;
  return (
    <>
      <ChainState order={order} />
      <Contracts contracts={contracts} />
      <Payments payments={payments} />
      <Surveys surveys={surveys} />
      <Reports reports={reports} />
      <Signatures signatures={signatures} />
    </>
  );
};
