import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import {
  exportAudit,
  listAudit,
  verifyAudit,
  type AuditEntry,
  type AuditPage as Page,
  type AuditParams,
} from '../api/audit';
import { DateFilter, Filter } from '../components/Filter';
import { Pager } from '../components/Pager';
import { saveBlob } from '../components/saveBlob';

const PAGE_SIZE = 20;
const ACTION_COLORS: Record<string, string> = { create: 'success600', update: 'primary600', delete: 'danger600' };
const dayStart = (day: string) => (day ? new Date(`${day}T00:00:00+08:00`).toISOString() : undefined);
const dayEnd = (day: string) =>
  day ? new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() : undefined;
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** Who made the change: the administrator's name and e-mail, or 系统 for what the system did by itself. */
const Person = ({ actor }: { actor: AuditEntry['actor'] }) =>
  actor.kind === 'system' ? (
    <Typography textColor="neutral600">系统</Typography>
  ) : (
    <Box>
      <Typography tag="p">{actor.name || actor.email}</Typography>
      {actor.email && actor.name ? (
        <Typography variant="pi" textColor="neutral600">
          {actor.email}
        </Typography>
      ) : null}
    </Box>
  );

/** The changes field by field: 字段：原值 → 新值 (a creation lists the new values, a deletion the old ones). */
const Changes = ({ entry }: { entry: AuditEntry }) => {
  if (!entry.changes.length) return <Typography textColor="neutral600">无字段变化</Typography>;
  return (
    <Box>
      {entry.changes.map((c) => (
        <Typography key={c.field} tag="p" variant="pi" style={{ wordBreak: 'break-all' }}>
          <b>{c.field}</b>：
          {entry.action === 'update' ? (
            <>
              <s style={{ color: '#b72b1a' }}>{c.before}</s> → <span style={{ color: '#2f6846' }}>{c.after}</span>
            </>
          ) : (
            c.after || c.before
          )}
        </Typography>
      ))}
    </Box>
  );
};

/** Where the broken entry is: when and what (only super administrators are told the entry itself). */
const brokenEntry = (entry?: AuditEntry) =>
  entry ? `（${time(entry.at)} ${entry.kindLabel}「${entry.record.label}」）` : '';

const VerifyResult = ({ result }: { result: Awaited<ReturnType<typeof verifyAudit>> }) => (
  <Typography data-testid="audit-verify-result" textColor={result.valid ? 'success600' : 'danger600'} fontWeight="bold">
    {result.valid
      ? `校验通过：共 ${result.entries} 条记录，链条完整，未被改动`
      : `校验未通过：${result.reason}${brokenEntry(result.entry)}`}
  </Typography>
);

/** 审计日志 (administrators): who changed which administrative record when, before and after; export and verify. */
export const AuditPage = () => {
  const [kind, setKind] = useState('');
  const [person, setPerson] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Awaited<ReturnType<typeof verifyAudit>> | null>(null);
  const params = useCallback(
    (): AuditParams => ({ kind, person, from: dayStart(from), to: dayEnd(to) }),
    [kind, person, from, to],
  );
  const set = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    setPage(1);
  };

  useEffect(() => {
    let live = true;
    listAudit({ ...params(), page, pageSize: PAGE_SIZE })
      .then((r) => live && (setResult(r), setError(null)))
      .catch(
        (e) =>
          live && setError(e?.response?.status === 403 ? '只有管理员可以查看审计日志' : '审计日志加载失败，请刷新重试'),
      );
    return () => {
      live = false;
    };
  }, [params, page]);

  const verify = async () =>
    setVerdict(
      await verifyAudit().catch(() => ({
        valid: false as const,
        entries: 0,
        brokenAt: 0,
        reason: '校验失败，请稍后重试',
      })),
    );

  return (
    <Layouts.Root>
      <Layouts.Header
        title="审计日志"
        subtitle="机构、人员、流程、规则、设置、知识库、合同模板和后台账号的每一次新增、修改、删除；记录前后相连，任何改动都能被校验发现"
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={verify} data-testid="audit-verify">
              校验
            </Button>
            <Button
              onClick={async () => saveBlob(await exportAudit(params()), '审计日志.xlsx')}
              data-testid="audit-export"
            >
              导出Excel
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Box data-testid="audit-page">
          {verdict ? (
            <Box marginBottom={4}>
              <VerifyResult result={verdict} />
            </Box>
          ) : null}
          <Flex gap={2} marginBottom={4} alignItems="flex-end" wrap="wrap">
            <Filter
              id="audit-kind"
              label="类型"
              value={kind}
              onChange={set(setKind)}
              options={result?.meta.kinds ?? []}
            />
            <Filter
              id="audit-person"
              label="操作人"
              value={person}
              onChange={set(setPerson)}
              options={(result?.meta.people ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <DateFilter id="audit-from" label="日期从" value={from} onChange={set(setFrom)} />
            <DateFilter id="audit-to" label="至" value={to} onChange={set(setTo)} />
          </Flex>
          {error ? <Typography textColor="danger600">{error}</Typography> : null}
          <Table colCount={6} rowCount={(result?.data.length ?? 0) + 1}>
            <Thead>
              <Tr>
                {['时间', '操作人', '类型', '操作', '记录', '变更内容'].map((h) => (
                  <Th key={h}>
                    <Typography variant="sigma">{h}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {(result?.data ?? []).map((e) => (
                <Tr key={e.id} data-testid="audit-row" style={{ verticalAlign: 'top' }}>
                  <Td>
                    <Typography>{time(e.at)}</Typography>
                  </Td>
                  <Td>
                    <Person actor={e.actor} />
                  </Td>
                  <Td>
                    <Typography>{e.kindLabel}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor={ACTION_COLORS[e.action]} fontWeight="bold">
                      {e.actionLabel}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{e.record.label}</Typography>
                  </Td>
                  <Td style={{ whiteSpace: 'normal', maxWidth: 560 }}>
                    <Changes entry={e} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {result && !result.data.length ? (
            <Box padding={4}>
              <Typography textColor="neutral600">没有符合条件的记录</Typography>
            </Box>
          ) : null}
          {result ? <Pager page={page} pageCount={result.meta.pagination.pageCount} onChange={setPage} /> : null}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
