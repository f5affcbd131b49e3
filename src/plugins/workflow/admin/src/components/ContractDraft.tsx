import { useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { draftContract, listTemplates, type ContractTemplate } from '../api/contracts';
import { explain } from '../api/orders';

/** 合同草稿: fill a contract template with the order's data; the draft becomes the order's next contract version. */
export const ContractDraft = ({
  number,
  processKey,
  onDone,
}: {
  number: string;
  processKey: string;
  onDone: () => void;
}) => {
  const [templates, setTemplates] = useState<ContractTemplate[]>([]);
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    listTemplates()
      .then((list) => {
        const usable = list.filter((t) => !t.processKey || t.processKey === processKey);
        setTemplates(usable);
        setChosen(usable[0] ? String(usable[0].id) : '');
      })
      .catch(() => setTemplates([]));
  }, [processKey]);
  if (!templates.length) return null;
  const generate = async () => {
    try {
      await draftContract(number, Number(chosen));
      setMessage({ ok: true, text: '合同草稿已生成，见附件中的“合同”' });
      onDone();
    } catch (error) {
      setMessage({ ok: false, text: explain(error).message });
    }
  };
  return (
    <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" marginTop={4} data-testid="contract-draft">
      <Typography variant="delta" tag="h2">
        合同草稿
      </Typography>
      <Flex gap={2} marginTop={2}>
        <select aria-label="合同模板" value={chosen} onChange={(e) => setChosen(e.target.value)} style={{ height: 32 }}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <Button onClick={generate} data-testid="generate-contract">
          生成合同草稿
        </Button>
      </Flex>
      {message ? <Typography textColor={message.ok ? 'success600' : 'danger600'}>{message.text}</Typography> : null}
    </Box>
  );
};
