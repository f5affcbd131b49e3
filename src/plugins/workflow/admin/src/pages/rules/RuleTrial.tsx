import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { PreviewResult } from '../../api/rules';

/** Which rules fired on the order, with what they decided, and the facts they were given. */
const PreviewResults = ({ preview }: { preview: PreviewResult }) => (
  <Box marginTop={2} data-testid="preview">
    {preview.results.map((r) => (
      <Typography
        key={r.name}
        tag="p"
        textColor={r.fired ? 'success600' : 'neutral600'}
        data-fired={r.fired ? 'true' : 'false'}
      >
        {r.fired ? '✔ 触发' : '✘ 未触发'}：{r.name}
        {r.event ? `（${Object.values(r.event.params).join('，')}）` : ''}
      </Typography>
    ))}
    <Typography tag="p" variant="pi" textColor="neutral500">
      事实：{JSON.stringify(preview.facts)}
    </Typography>
  </Box>
);

interface RuleTrialProps {
  number: string;
  onNumber: (number: string) => void;
  onTry: () => void;
  preview: PreviewResult | null;
}

/** 试运行: the draft tried on an order by its number, without saving it. */
export const RuleTrial = ({ number, onNumber, onTry, preview }: RuleTrialProps) => (
  <>
    <Flex gap={2} marginTop={4}>
      <input
        aria-label="试运行的工单编号"
        placeholder="工单编号"
        value={number}
        onChange={(e) => onNumber(e.target.value)}
      />
      <Button variant="secondary" data-testid="try-rule" onClick={onTry}>
        在工单上试运行
      </Button>
    </Flex>
    {preview ? <PreviewResults preview={preview} /> : null}
  </>
);
