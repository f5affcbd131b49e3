import { Box, Typography } from '@strapi/design-system';

/** A labelled native select with 全部 first: small, accessible and easy to drive from tests. */
export const Filter = ({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: Array<{ value: string; label: string }>;
}) => (
  <Box>
    <Typography variant="pi" tag="label" htmlFor={id}>
      {label}
    </Typography>
    <Box>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} style={{ height: 40, minWidth: 140 }}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Box>
  </Box>
);

interface DateFilterProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
}

/** A labelled date input (a China day, yyyy-mm-dd). */
export const DateFilter = ({ id, label, value, onChange }: DateFilterProps) => (
  <Box>
    <Typography variant="pi" tag="label" htmlFor={id}>
      {label}
    </Typography>
    <Box>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} style={{ height: 36 }} />
    </Box>
  </Box>
);
