import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { listTemplates, uploadTemplate, type ContractTemplate } from '../api/contracts';
import { explain } from '../api/orders';

const PROCESSES: Record<string, string> = {
  'water-enterprise': '企业单位报装',
  'water-resident': '居民报装',
  'energy-service': '企业能效服务',
};

/** 合同模板 (administrators): Word templates with {占位符}, filled per order from the order page. */
export const ContractTemplatesPage = () => {
  const [templates, setTemplates] = useState<ContractTemplate[]>([]);
  const [name, setName] = useState('');
  const [processKey, setProcessKey] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () =>
    listTemplates()
      .then(setTemplates)
      .catch(() => setTemplates([]));
  useEffect(() => {
    load();
  }, []);

  const upload = async () => {
    if (!file) return setMessage({ ok: false, text: '请选择 .docx 模板文件' });
    try {
      await uploadTemplate(name, processKey, file);
      setMessage({ ok: true, text: '模板已上传' });
      setName('');
      setFile(null);
      load();
    } catch (error) {
      const e = explain(error);
      setMessage({ ok: false, text: [e.message, ...Object.values(e.fields)].join('：') });
    }
  };

  return (
    <Layouts.Root>
      <Layouts.Header
        title="合同模板"
        subtitle="Word 模板中的 {合同编号} {甲方} {乙方} {金额} {地址} {日期} {工单编号} 及申请表单字段会填入工单数据"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Flex gap={2} alignItems="flex-end" marginBottom={4} wrap="wrap">
          <Box minWidth="240px">
            <Typography variant="pi" tag="label" htmlFor="template-name">
              模板名称
            </Typography>
            <TextInput
              id="template-name"
              name="template-name"
              value={name}
              onChange={(e: any) => setName(e.target.value)}
            />
          </Box>
          <Box>
            <Typography variant="pi" tag="label" htmlFor="template-process">
              适用业务
            </Typography>
            <Box>
              <select
                id="template-process"
                value={processKey}
                onChange={(e) => setProcessKey(e.target.value)}
                style={{ height: 40 }}
              >
                <option value="">全部业务</option>
                {Object.entries(PROCESSES).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </Box>
          </Box>
          <input
            aria-label="模板文件"
            type="file"
            accept=".docx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <Button onClick={upload} data-testid="upload-template">
            上传模板
          </Button>
        </Flex>
        {message ? (
          <Typography textColor={message.ok ? 'success600' : 'danger600'} data-testid="template-message">
            {message.text}
          </Typography>
        ) : null}
        <Table colCount={3} rowCount={templates.length + 1}>
          <Thead>
            <Tr>
              {['名称', '适用业务', '占位符'].map((h) => (
                <Th key={h}>
                  <Typography variant="sigma">{h}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {templates.map((t) => (
              <Tr key={t.id} data-testid="template-row">
                <Td>
                  <Typography>{t.name}</Typography>
                </Td>
                <Td>
                  <Typography>{t.processKey ? (PROCESSES[t.processKey] ?? t.processKey) : '全部业务'}</Typography>
                </Td>
                <Td>
                  <Typography>{(t.placeholders ?? []).join('、')}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Layouts.Root>
  );
};
