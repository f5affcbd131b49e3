import { Box, Typography } from '@strapi/design-system';
import type { Problem } from '../../api/definitions';

/** The outcome of the last publish, and each problem the engine found with where it is. */
export const PublishNotice = ({ notice, problems }: { notice: string | null; problems: Problem[] }) => (
  <>
    {notice ? (
      <Box marginBottom={3}>
        <Typography textColor={problems.length ? 'danger600' : 'success600'} data-testid="notice">
          {notice}
        </Typography>
      </Box>
    ) : null}
    {problems.length ? (
      <Box marginBottom={3} data-testid="problems">
        {problems.map((p, i) => (
          <Typography key={i} tag="p" textColor="danger600">
            {p.path.join('.')}：{p.message}
          </Typography>
        ))}
      </Box>
    ) : null}
  </>
);
