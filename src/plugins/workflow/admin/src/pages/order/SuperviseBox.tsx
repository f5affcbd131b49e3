import { useState } from 'react';
import { explain, superviseOrder, type OrderView } from '../../api/orders';
import { NoteForm, type NoteOutcome } from './NoteForm';

/** 督办: a leader's note to whoever holds the order and its department administrators. */
export const SuperviseBox = ({ order, onDone }: { order: OrderView; onDone: () => void }) => {
  const [note, setNote] = useState('');
  const [result, setResult] = useState<NoteOutcome | null>(null);
  if (!order.maySupervise) return null;
  const submit = async () => {
    try {
      await superviseOrder(order.number, note);
      setNote('');
      setResult({ ok: true, text: '已督办，处理人和部门负责人将收到消息' });
      onDone();
    } catch (e) {
      const problem = explain(e);
      setResult({ ok: false, text: problem.fields.note ?? problem.message });
    }
  };
  return (
    <NoteForm
      testId="supervise"
      title="督办"
      label="督办意见"
      example="请于今日内完成现场勘察"
      note={note}
      onNote={setNote}
      submitLabel="督办"
      onSubmit={submit}
      result={result}
    />
  );
};
