import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Box, Button, Flex, TextInput, Typography } from '@strapi/design-system';
import { Layouts } from '@strapi/strapi/admin';
import { createOrder, explain, listProcesses, type FormField } from '../api/orders';

/** 窗口受理: a clerk enters a walk-in applicant's application (reviewed offline, so it skips review). */
export const WindowEntryPage = () => {
  const navigate = useNavigate();
  const [processes, setProcesses] = useState<
    Array<{ key: string; name: string; spec: { form: { fields: FormField[] } } }>
  >([]);
  const [processKey, setProcessKey] = useState('water-enterprise');
  const [values, setValues] = useState<Record<string, string>>({});
  const [applicant, setApplicant] = useState({ mobile: '', name: '' });
  const [error, setError] = useState<ReturnType<typeof explain> | null>(null);

  useEffect(() => {
    listProcesses()
      .then(setProcesses)
      .catch(() => setProcesses([]));
  }, []);
  const fields = processes.find((p) => p.key === processKey)?.spec.form.fields ?? [];

  const submit = async () => {
    setError(null);
    try {
      const formData = Object.fromEntries(
        fields
          .filter((f) => values[f.name])
          .map((f) => [f.name, f.type === 'area' ? Number(values[f.name]) : values[f.name]]),
      );
      const order = await createOrder({
        processKey,
        formData,
        applicantMobile: applicant.mobile || undefined,
        applicantName: applicant.name || undefined,
      });
      navigate(`../${order.number}`);
    } catch (e) {
      setError(explain(e));
    }
  };

  const input = (id: string, label: string, value: string, onChange: (v: string) => void, problem?: string) => (
    <Box key={id} marginBottom={3}>
      <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={id}>
        {label}
      </Typography>
      <TextInput id={id} name={id} value={value} onChange={(e: any) => onChange(e.target.value)} />
      {problem ? (
        <Typography variant="pi" textColor="danger600">
          {problem}
        </Typography>
      ) : null}
    </Box>
  );

  return (
    <Layouts.Root>
      <Layouts.Header
        title="窗口受理"
        subtitle="为到窗口办理的用户录入申请，窗口已线下审核，提交后直接进入派工"
        navigationAction={<Link to="..">返回工单中心</Link>}
      />
      <Layouts.Content>
        <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" maxWidth="640px">
          <Box marginBottom={3}>
            <Typography variant="pi" fontWeight="bold" tag="label" htmlFor="wf-entry-process">
              业务
            </Typography>
            <Box>
              <select
                id="wf-entry-process"
                value={processKey}
                onChange={(e) => setProcessKey(e.target.value)}
                style={{ height: 36 }}
              >
                {processes
                  .filter((p) => p.key !== 'energy-service')
                  .map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </Box>
          </Box>
          {input(
            'applicantMobile',
            '申请人手机号（查找或新建申请人）',
            applicant.mobile,
            (v) => setApplicant((a) => ({ ...a, mobile: v })),
            error?.fields.applicantMobile,
          )}
          {input('applicantName', '申请人姓名', applicant.name, (v) => setApplicant((a) => ({ ...a, name: v })))}
          {fields.map((f) =>
            f.type === 'select' ? (
              <Box key={f.name} marginBottom={3}>
                <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`e-${f.name}`}>
                  {f.label}
                </Typography>
                <Box>
                  <select
                    id={`e-${f.name}`}
                    value={values[f.name] ?? ''}
                    onChange={(e) => setValues((s) => ({ ...s, [f.name]: e.target.value }))}
                    style={{ height: 36 }}
                  >
                    <option value="">请选择</option>
                    {(f.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </Box>
                {error?.fields[f.name] ? (
                  <Typography variant="pi" textColor="danger600">
                    {error.fields[f.name]}
                  </Typography>
                ) : null}
              </Box>
            ) : (
              input(
                `e-${f.name}`,
                `${f.label}${f.required ? ' *' : ''}`,
                values[f.name] ?? '',
                (v) => setValues((s) => ({ ...s, [f.name]: v })),
                error?.fields[f.name],
              )
            ),
          )}
          {error ? <Typography textColor="danger600">{error.message}</Typography> : null}
          <Flex marginTop={2}>
            <Button onClick={submit}>提交申请</Button>
          </Flex>
        </Box>
      </Layouts.Content>
    </Layouts.Root>
  );
};
