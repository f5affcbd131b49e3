import { useEffect, useState } from 'react';
import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { explain, reassignChoices, reassignOrder, type OrderView } from '../../api/orders';
import { NoteForm, type NoteOutcome } from './NoteForm';

type Choice = { id: number; name: string; current: boolean };

/** The staff who may take over the order's current step (none until loaded, or when it cannot be). */
const useChoices = (order: OrderView) => {
  const [choices, setChoices] = useState<Choice[]>([]);
  useEffect(() => {
    if (!order.mayReassign) return;
    reassignChoices(order.number)
      .then(setChoices)
      .catch(() => setChoices([]));
  }, [order.number, order.version, order.mayReassign]);
  return choices;
};

/** 转办/改派: the technical head or an administrator gives the current step to someone else, with a reason. */
export const ReassignBox = ({ order, onDone }: { order: OrderView; onDone: () => void }) => {
  const choices = useChoices(order);
  const [assignee, setAssignee] = useState<string>('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<NoteOutcome | null>(null);
  if (!order.mayReassign || !choices.length) return null;
  const submit = async () => {
    try {
      const res = await reassignOrder(order.number, order.version, Number(assignee), reason);
      setResult({ ok: true, text: `已改派给${res.data.assignee.name}，原处理人和新处理人将收到消息` });
      setReason('');
      setAssignee('');
      onDone();
    } catch (e) {
      const problem = explain(e);
      setResult({ ok: false, text: problem.fields.assignee ?? problem.fields.reason ?? problem.message });
    }
  };
  return (
    <NoteForm
      testId="reassign"
      title={`改派（当前处理人：${order.assignee?.name ?? '待认领'}）`}
      label="改派原因"
      example="原处理人休假"
      note={reason}
      onNote={setReason}
      submitLabel="改派"
      onSubmit={submit}
      disabled={!assignee}
      result={result}
    >
      <Box marginTop={2}>
        <Field.Root name="reassign-to">
          <Field.Label>改派给</Field.Label>
          <SingleSelect
            placeholder="请选择人员"
            value={assignee}
            onChange={(v: string | number) => setAssignee(String(v))}
          >
            {choices.map((c) => (
              <SingleSelectOption key={c.id} value={String(c.id)} disabled={c.current}>
                {c.name}
                {c.current ? '（当前）' : ''}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
    </NoteForm>
  );
};
