import { Box, Typography } from '@strapi/design-system';
import type { Process } from './useWindowEntry';

interface ProcessSelectProps {
  processes: Process[];
  value: string;
  onChange: (key: string) => void;
}

/** 业务: the processes a walk-in applicant applies for at the window (energy services are not among them). */
export const ProcessSelect = ({ processes, value, onChange }: ProcessSelectProps) => (
  <Box marginBottom={3}>
    <Typography variant="pi" fontWeight="bold" tag="label" htmlFor="wf-entry-process">
      业务
    </Typography>
    <Box>
      <select id="wf-entry-process" value={value} onChange={(e) => onChange(e.target.value)} style={{ height: 36 }}>
        {processes
          .filter((p) => p.key !== 'energy-service')
          .map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
      </select>
    </Box>
  </Box>
);
