import { useState } from 'react';
import { Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { correctOrder, explain, type OrderView } from '../api/orders';
import { FieldInput, toValue } from './ActionPanel';

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The correction being written: open or not, the values, the reason, and saving it. */
const useCorrection = (order: OrderView, onDone: () => void) => {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ReturnType<typeof explain> | null>(null);
  const [busy, setBusy] = useState(false);

  const start = () => {
    setValues(Object.fromEntries(order.form.fields.map((f) => [f.name, asText(order.formData[f.name])])));
    setReason('');
    setError(null);
    setOpen(true);
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const formData = Object.fromEntries(
        order.form.fields.filter((f) => values[f.name] !== '').map((f) => [f.name, toValue(f, values[f.name])]),
      );
      await correctOrder(order.number, order.version, formData, reason);
      setOpen(false);
      onDone();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const setValue = (name: string, v: string) => setValues((s) => ({ ...s, [name]: v }));
  const cancel = () => setOpen(false);
  return { open, values, setValue, reason, setReason, error, busy, start, save, cancel };
};

/** 更正原因: the reason the history keeps, and the engine's problem with it. */
const ReasonInput = ({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) => (
  <>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor="f-correction-reason">
      更正原因 *
    </Typography>
    <Box marginTop={1} marginBottom={3}>
      <Textarea id="f-correction-reason" name="reason" value={value} onChange={(e: any) => onChange(e.target.value)} />
      {error ? (
        <Typography variant="pi" textColor="danger600" data-testid="error-reason">
          {error}
        </Typography>
      ) : null}
    </Box>
  </>
);

/** 更正申请信息: the application form prefilled with the current data, and the reason the history keeps. */
export const CorrectionForm = ({ order, onDone }: { order: OrderView; onDone: () => void }) => {
  const c = useCorrection(order, onDone);
  if (!order.mayCorrect) return null;
  if (!c.open) {
    return (
      <Box marginTop={3}>
        <Button variant="secondary" onClick={c.start} data-testid="correct-open">
          更正申请信息
        </Button>
      </Box>
    );
  }
  return (
    <Box marginTop={3} padding={4} background="neutral100" hasRadius data-testid="correction-form">
      <Typography variant="delta" tag="h3">
        更正申请信息
      </Typography>
      <Box marginTop={3}>
        {order.form.fields.map((f) => (
          <FieldInput
            key={f.name}
            number={order.number}
            field={f}
            value={c.values[f.name] ?? ''}
            error={c.error?.fields[f.name]}
            onChange={(v) => c.setValue(f.name, v)}
          />
        ))}
        <ReasonInput value={c.reason} onChange={c.setReason} error={c.error?.fields.reason} />
      </Box>
      {c.error ? (
        <Box marginBottom={3} data-testid="correction-error">
          <Typography textColor="danger600">{c.error.message}</Typography>
        </Box>
      ) : null}
      <Flex gap={2}>
        <Button onClick={c.save} loading={c.busy} data-testid="correct-save">
          保存更正
        </Button>
        <Button variant="tertiary" onClick={c.cancel}>
          取消
        </Button>
      </Flex>
    </Box>
  );
};

/** What a correction changed, field by field: before → after. */
export const CorrectionChanges = ({ order, changes }: { order: OrderView; changes: Record<string, any> | null }) => {
  const formData = changes?.formData;
  if (!formData?.after || !formData?.before) return null;
  const label = (name: string) => order.form.fields.find((f) => f.name === name)?.label ?? name;
  return (
    <Box data-testid="correction-changes">
      {Object.keys(formData.after).map((name) => (
        <Typography key={name} tag="p" textColor="neutral700">
          {label(name)}：{asText(formData.before[name]) || '（空）'} → {asText(formData.after[name]) || '（空）'}
        </Typography>
      ))}
    </Box>
  );
};
