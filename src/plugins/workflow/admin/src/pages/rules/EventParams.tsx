import { Box, Flex, Typography } from '@strapi/design-system';
import type { BusinessRule } from '../../api/rules';
import { PURPOSES } from './options';

interface EventParamsProps {
  draft: BusinessRule;
  onChange: (draft: BusinessRule) => void;
}

/** What the rule decides when it fires: the parameters its purpose takes. */
export const EventParams = ({ draft, onChange }: EventParamsProps) => (
  <Box marginTop={3}>
    {PURPOSES[draft.purpose]?.params.map((p) => (
      <Flex key={p.key} gap={2} marginTop={1}>
        <Typography variant="pi" style={{ width: 160 }}>
          {p.label}
        </Typography>
        <input
          aria-label={p.label}
          value={draft.event.params?.[p.key] ?? ''}
          onChange={(e) =>
            onChange({
              ...draft,
              event: { ...draft.event, params: { ...draft.event.params, [p.key]: e.target.value } },
            })
          }
          style={{ width: 300 }}
        />
      </Flex>
    ))}
  </Box>
);
