import { Typography } from '@strapi/design-system';
import type { AuditEntry, AuditVerdict } from '../../api/audit';
import { time } from './format';

/** Where the broken entry is: when and what (only super administrators are told the entry itself). */
const brokenEntry = (entry?: AuditEntry) =>
  entry ? `（${time(entry.at)} ${entry.kindLabel}「${entry.record.label}」）` : '';

/** 校验通过 with the number of entries, or 校验未通过 with the reason and where. */
export const VerifyResult = ({ result }: { result: AuditVerdict }) => (
  <Typography data-testid="audit-verify-result" textColor={result.valid ? 'success600' : 'danger600'} fontWeight="bold">
    {result.valid
      ? `校验通过：共 ${result.entries} 条记录，链条完整，未被改动`
      : `校验未通过：${result.reason}${brokenEntry(result.entry)}`}
  </Typography>
);
