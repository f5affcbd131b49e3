import { Link } from 'react-router-dom';
import { Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { TemplateTable } from './contract-templates/TemplateTable';
import { UploadForm } from './contract-templates/UploadForm';
import { useTemplates, useTemplateUpload } from './contract-templates/useTemplates';

/** 合同模板 (administrators): Word templates with {占位符}, filled per order from the order page. */
export const ContractTemplatesPage = () => {
  const { templates, load } = useTemplates();
  const form = useTemplateUpload(load);
  return (
    <Layouts.Root>
      <Layouts.Header
        title="合同模板"
        subtitle="Word 模板中的 {合同编号} {甲方} {乙方} {金额} {地址} {日期} {工单编号} 及申请表单字段会填入工单数据"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <UploadForm form={form} />
        {form.message ? (
          <Typography textColor={form.message.ok ? 'success600' : 'danger600'} data-testid="template-message">
            {form.message.text}
          </Typography>
        ) : null}
        <TemplateTable templates={templates} />
      </Layouts.Content>
    </Layouts.Root>
  );
};
