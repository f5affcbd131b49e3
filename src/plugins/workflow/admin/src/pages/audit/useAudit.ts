import { useCallback, useEffect, useState } from 'react';
import {
  exportAudit,
  listAudit,
  verifyAudit,
  type AuditPage as Page,
  type AuditParams,
  type AuditVerdict,
} from '../../api/audit';
import { saveBlob } from '../../components/saveBlob';
import { dayEnd, dayStart } from './format';

const PAGE_SIZE = 20;

export interface AuditFilterValues {
  kind: string;
  person: string;
  /** China days, yyyy-mm-dd (either may be empty). */
  from: string;
  to: string;
}
export type FilterKey = keyof AuditFilterValues;

const NO_FILTERS: AuditFilterValues = { kind: '', person: '', from: '', to: '' };
const UNVERIFIED: AuditVerdict = { valid: false, entries: 0, brokenAt: 0, reason: '校验失败，请稍后重试' };

/** One page of entries, loaded again whenever the question or the page changes. */
const useEntries = (params: () => AuditParams, page: number) => {
  const [result, setResult] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
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
  return { result, error };
};

/** The 审计日志's filters and page, the entries they select, their export, and the chain's verification. */
export const useAudit = () => {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  const [page, setPage] = useState(1);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const { kind, person, from, to } = filters;
  const params = useCallback(
    (): AuditParams => ({ kind, person, from: dayStart(from), to: dayEnd(to) }),
    [kind, person, from, to],
  );
  const { result, error } = useEntries(params, page);
  // Another question starts on the first page.
  const setFilter = (key: FilterKey, value: string) => {
    setFilters((f) => (f[key] === value ? f : { ...f, [key]: value }));
    setPage(1);
  };
  const verify = async () => setVerdict(await verifyAudit().catch(() => UNVERIFIED));
  const download = async () => saveBlob(await exportAudit(params()), '审计日志.xlsx');
  return { filters, setFilter, page, setPage, result, error, verdict, verify, download };
};
