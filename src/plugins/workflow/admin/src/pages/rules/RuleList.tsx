import { Box, Typography } from '@strapi/design-system';
import type { BusinessRule } from '../../api/rules';
import { PURPOSES } from './options';

interface RuleListProps {
  rules: BusinessRule[];
  selectedId?: number;
  onPick: (rule: BusinessRule) => void;
}

/** The rules to pick from: name, process, purpose, priority, and whether it is switched off. */
export const RuleList = ({ rules, selectedId, onPick }: RuleListProps) => (
  <>
    {rules.map((r) => (
      <Box
        key={r.id}
        padding={2}
        marginBottom={1}
        hasRadius
        background={selectedId === r.id ? 'primary100' : 'neutral0'}
        style={{ cursor: 'pointer' }}
        onClick={() => onPick(r)}
        data-testid="rule"
      >
        <Typography fontWeight="bold">{r.name}</Typography>
        <Typography tag="p" variant="pi" textColor="neutral600">
          {r.processKey} · {PURPOSES[r.purpose]?.label} · 优先级 {r.priority}
          {r.active ? '' : ' · 停用'}
        </Typography>
      </Box>
    ))}
  </>
);
