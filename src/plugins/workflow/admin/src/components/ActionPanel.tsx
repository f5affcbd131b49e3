import { useEffect, useState } from 'react';
import { Box, Button, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { assigneeChoices, explain, performAction, uploadFile, type ActionInfo, type FormField } from '../api/orders';

interface FieldProps {
  number: string;
  field: FormField;
  value: string;
  onChange: (v: string) => void;
}

/** A `staff` field: who may take the next step, as the engine will check it; empty keeps the default. */
const StaffSelect = ({ number, field, value, onChange }: FieldProps) => {
  const [choices, setChoices] = useState<Array<{ id: number; name: string }>>([]);
  useEffect(() => {
    assigneeChoices(number, field.role ?? '')
      .then(setChoices)
      .catch(() => setChoices([]));
  }, [number, field.role]);
  return (
    <select
      id={`f-${field.name}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ height: 36, minWidth: 200 }}
    >
      <option value="">默认派工（工作量最少者）</option>
      {choices.map((c) => (
        <option key={c.id} value={String(c.id)}>
          {c.name}
        </option>
      ))}
    </select>
  );
};

/** The control of a field's type: staff, a list of options, a long text, or a text or number. */
const FieldControl = ({ number, field, value, onChange }: FieldProps) =>
  field.type === 'staff' ? (
    <StaffSelect number={number} field={field} value={value} onChange={onChange} />
  ) : field.type === 'select' ? (
    <select
      id={`f-${field.name}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ height: 36, minWidth: 200 }}
    >
      <option value="">请选择</option>
      {(field.options ?? []).map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  ) : field.type === 'textarea' ? (
    <Textarea id={`f-${field.name}`} name={field.name} value={value} onChange={(e: any) => onChange(e.target.value)} />
  ) : (
    <TextInput
      id={`f-${field.name}`}
      name={field.name}
      value={value}
      type={['number', 'integer', 'area', 'staff'].includes(field.type) ? 'number' : 'text'}
      onChange={(e: any) => onChange(e.target.value)}
    />
  );

/** A form field: its label (* when required), its control, and the engine's problem with it. */
export const FieldInput = ({ number, field, value, onChange, error }: FieldProps & { error?: string }) => (
  <Box marginBottom={3}>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`f-${field.name}`}>
      {field.label}
      {field.required ? ' *' : ''}
    </Typography>
    <Box marginTop={1}>
      <FieldControl number={number} field={field} value={value} onChange={onChange} />
    </Box>
    {error ? (
      <Typography variant="pi" textColor="danger600" data-testid={`error-${field.name}`}>
        {error}
      </Typography>
    ) : null}
  </Box>
);

export const toValue = (field: FormField, raw: string) =>
  ['number', 'integer', 'area', 'staff'].includes(field.type) && raw !== '' ? Number(raw) : raw;

interface ActionFormProps {
  number: string;
  version: number;
  info: ActionInfo;
  onDone: () => void;
  onUploaded: () => void;
}

/** The action's form values, its uploads so far, and submitting it; the engine's refusal as `error`. */
const useActionForm = ({ number, version, info, onDone, onUploaded }: ActionFormProps) => {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ReturnType<typeof explain> | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<Record<string, number>>({});

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const form = Object.fromEntries(
        info.form.fields
          .filter((f) => values[f.name] !== undefined && values[f.name] !== '')
          .map((f) => [f.name, toValue(f, values[f.name])]),
      );
      await performAction(number, info.action, version, form);
      onDone();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const attach = async (kind: string, label: string, files: FileList | null) => {
    if (!files) return;
    setError(null);
    try {
      for (const file of Array.from(files)) await uploadFile(number, kind, `${label}-${file.name}`, file);
      setUploaded((u) => ({ ...u, [kind]: (u[kind] ?? 0) + files.length }));
      onUploaded();
    } catch (e) {
      setError(explain(e));
    }
  };

  const setValue = (name: string, v: string) => setValues((s) => ({ ...s, [name]: v }));
  return { values, setValue, error, busy, uploaded, submit, attach };
};

interface UploadProps {
  action: string;
  artifact: ActionInfo['artifacts'][number];
  count: number;
  onFiles: (files: FileList | null) => void;
}

/** One kind of file the action needs: how many and which formats, how many are uploaded, and the picker. */
const ArtifactUpload = ({ action, artifact: a, count, onFiles }: UploadProps) => (
  <Box marginBottom={3}>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor={`u-${action}-${a.kind}`}>
      {a.label}（至少{a.min}个{a.types?.length ? `，格式：${a.types.join('、')}` : ''}）已上传 {count}
    </Typography>
    <Box marginTop={1}>
      <input
        id={`u-${action}-${a.kind}`}
        data-testid={`upload-${a.kind}`}
        type="file"
        multiple
        onChange={(e) => onFiles(e.target.files)}
      />
    </Box>
  </Box>
);

/** The engine's refusal and the files still missing. */
const ActionError = ({ error }: { error: ReturnType<typeof explain> }) => (
  <Box marginBottom={3} data-testid="action-error">
    <Typography textColor="danger600">{error.message}</Typography>
    {(error.missing ?? []).map((m) => (
      <Typography key={m.label} tag="p" textColor="danger600">
        缺少：{m.label}（需{m.min}个，已有{m.have}个）
      </Typography>
    ))}
  </Box>
);

/** One action open to this person: its form, the files it needs, and the engine's answer next to its cause. */
const ActionForm = (props: ActionFormProps) => {
  const { number, info } = props;
  const { values, setValue, error, busy, uploaded, submit, attach } = useActionForm(props);
  return (
    <Box
      padding={4}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      marginBottom={4}
      data-testid={`action-${info.action}`}
    >
      <Typography variant="delta" tag="h3">
        {info.label}
      </Typography>
      {!info.enabled && info.reason ? <Typography textColor="warning600">{info.reason}</Typography> : null}
      <Box marginTop={3}>
        {info.artifacts.map((a) => (
          <ArtifactUpload
            key={a.kind}
            action={info.action}
            artifact={a}
            count={uploaded[a.kind] ?? 0}
            onFiles={(files) => attach(a.kind, a.label, files)}
          />
        ))}
        {info.form.fields.map((f) => (
          <FieldInput
            key={f.name}
            number={number}
            field={f}
            value={values[f.name] ?? ''}
            error={error?.fields[f.name]}
            onChange={(v) => setValue(f.name, v)}
          />
        ))}
      </Box>
      {error ? <ActionError error={error} /> : null}
      <Button onClick={submit} loading={busy} disabled={!info.enabled}>
        提交：{info.label}
      </Button>
    </Box>
  );
};

interface ActionPanelProps {
  number: string;
  version: number;
  actions: ActionInfo[];
  onDone: () => void;
  onUploaded: () => void;
}

/** Every action open to this person, each with its form; or that there is none. */
export const ActionPanel = ({ number, version, actions, onDone, onUploaded }: ActionPanelProps) => (
  <Flex direction="column" alignItems="stretch">
    {actions.length === 0 ? <Typography textColor="neutral600">当前没有您可以执行的操作</Typography> : null}
    {actions.map((a) => (
      <ActionForm key={a.action} number={number} version={version} info={a} onDone={onDone} onUploaded={onUploaded} />
    ))}
  </Flex>
);
