import { useState } from 'react';
import { Box, Button, Textarea, Typography } from '@strapi/design-system';
import { explain, superviseOrder, type OrderView } from '../../api/orders';

/** 督办: a leader's note to whoever holds the order and its department administrators. */
export const SuperviseBox = ({ order, onDone }: { order: OrderView; onDone: () => void }) => {
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
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
    <Box marginTop={4} padding={4} background="neutral0" hasRadius shadow="tableShadow" data-testid="supervise">
      <Typography variant="delta" tag="h3">
        督办
      </Typography>
      <Box marginTop={2}>
        <Textarea
          aria-label="督办意见"
          placeholder="督办意见，如：请于今日内完成现场勘察"
          value={note}
          onChange={(e: any) => setNote(e.target.value)}
          name="note"
        />
      </Box>
      <Box marginTop={2}>
        <Button onClick={submit}>督办</Button>
      </Box>
      {result ? (
        <Typography textColor={result.ok ? 'success600' : 'danger600'} data-testid="supervise-result">
          {result.text}
        </Typography>
      ) : null}
    </Box>
  );
};
