import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { PROCESSES } from './processes';
import type { TemplateUpload } from './useTemplates';

/** 适用业务: one business, or every business. */
const ProcessSelect = ({ value, onChange }: { value: string; onChange: (v: string) => void }) => (
  <Box>
    <Typography variant="pi" tag="label" htmlFor="template-process">
      适用业务
    </Typography>
    <Box>
      <select id="template-process" value={value} onChange={(e) => onChange(e.target.value)} style={{ height: 40 }}>
        <option value="">全部业务</option>
        {Object.entries(PROCESSES).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </Box>
  </Box>
);

/** A new template: its name, the business it is for, the .docx file, and 上传模板. */
export const UploadForm = ({ form }: { form: TemplateUpload }) => (
  <Flex gap={2} alignItems="flex-end" marginBottom={4} wrap="wrap">
    <Box minWidth="240px">
      <Typography variant="pi" tag="label" htmlFor="template-name">
        模板名称
      </Typography>
      <TextInput
        id="template-name"
        name="template-name"
        value={form.name}
        onChange={(e: any) => form.setName(e.target.value)}
      />
    </Box>
    <ProcessSelect value={form.processKey} onChange={form.setProcessKey} />
    <input
      aria-label="模板文件"
      type="file"
      accept=".docx"
      onChange={(e) => form.setFile(e.target.files?.[0] ?? null)}
    />
    <Button onClick={form.upload} data-testid="upload-template">
      上传模板
    </Button>
  </Flex>
);
