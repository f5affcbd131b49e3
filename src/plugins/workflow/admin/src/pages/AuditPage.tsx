import { Link } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { Pager } from '../components/Pager';
import { AuditFilters } from './audit/AuditFilters';
import { AuditTable } from './audit/AuditTable';
import { useAudit } from './audit/useAudit';
import { VerifyResult } from './audit/VerifyResult';

/** 审计日志 (administrators): who changed which administrative record when, before and after; export and verify. */
export const AuditPage = () => {
  const audit = useAudit();
  const { result, verdict } = audit;
  return (
    <Layouts.Root>
      <Layouts.Header
        title="审计日志"
        subtitle="机构、人员、流程、规则、设置、知识库、合同模板和后台账号的每一次新增、修改、删除；记录前后相连，任何改动都能被校验发现"
        navigationAction={<Link to="..">返回工单中心</Link>}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={audit.verify} data-testid="audit-verify">
              校验
            </Button>
            <Button onClick={audit.download} data-testid="audit-export">
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
          <AuditFilters filters={audit.filters} onChange={audit.setFilter} meta={result?.meta} />
          {audit.error ? <Typography textColor="danger600">{audit.error}</Typography> : null}
          <AuditTable result={result} />
          {result ? (
            <Pager page={audit.page} pageCount={result.meta.pagination.pageCount} onChange={audit.setPage} />
          ) : null}
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
