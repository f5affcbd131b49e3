import { Box, Typography } from '@strapi/design-system';

/** A labelled field: the label above, the input under it. */
export const Field = ({ id, label, children }: { id: string; label: string; children: React.ReactNode }) => (
  <Box marginBottom={3}>
    <Typography variant="pi" tag="label" htmlFor={id}>
      {label}
    </Typography>
    <Box>{children}</Box>
  </Box>
);
