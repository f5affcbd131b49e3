import { Button, Flex } from '@strapi/design-system';
import type { Process } from './useCatalog';

interface ProcessTabsProps {
  processes: Process[];
  current: string;
  onChange: (key: string) => void;
}

/** One button per process, the chosen one highlighted. */
export const ProcessTabs = ({ processes, current, onChange }: ProcessTabsProps) => (
  <Flex gap={2} marginBottom={3}>
    {processes.map((p) => (
      <Button
        key={p.key}
        variant={p.key === current ? 'default' : 'tertiary'}
        onClick={() => onChange(p.key)}
        data-testid={`process-${p.key}`}
      >
        {p.name}
      </Button>
    ))}
  </Flex>
);
