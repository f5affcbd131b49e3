import { Link } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { FormFields, TextField } from './window-entry/EntryFields';
import { ProcessSelect } from './window-entry/ProcessSelect';
import { useWindowEntry } from './window-entry/useWindowEntry';

/** 窗口受理: a clerk enters a walk-in applicant's application (reviewed offline, so it skips review). */
export const WindowEntryPage = () => {
  const entry = useWindowEntry();
  const { applicant, changeApplicant, error } = entry;
  return (
    <Layouts.Root>
      <Layouts.Header
        title="窗口受理"
        subtitle="为到窗口办理的用户录入申请，窗口已线下审核，提交后直接进入派工"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" maxWidth="640px">
          <ProcessSelect processes={entry.processes} value={entry.processKey} onChange={entry.setProcessKey} />
          <TextField
            id="applicantMobile"
            label="申请人手机号（查找或新建申请人）"
            value={applicant.mobile}
            onChange={(v) => changeApplicant({ mobile: v })}
            problem={error?.fields.applicantMobile}
          />
          <TextField
            id="applicantName"
            label="申请人姓名"
            value={applicant.name}
            onChange={(v) => changeApplicant({ name: v })}
          />
          <FormFields fields={entry.fields} values={entry.values} onChange={entry.setValue} problems={error?.fields} />
          {error ? <Typography textColor="danger600">{error.message}</Typography> : null}
          <Flex marginTop={2}>
            <Button onClick={entry.submit}>提交申请</Button>
          </Flex>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
