import { Typography } from '@strapi/design-system';
import type { Elapsed } from '../api/orders';

/** 历时: red once the step has run past its threshold (seed 001, 2.x). */
export const ElapsedBadge = ({ elapsed }: { elapsed: Elapsed }) => (
  <Typography
    data-overdue={elapsed.overdue ? 'true' : 'false'}
    textColor={elapsed.overdue ? 'danger600' : 'neutral800'}
    fontWeight={elapsed.overdue ? 'bold' : 'regular'}
    title={elapsed.thresholdHours ? `时限 ${elapsed.thresholdHours} 小时` : undefined}
  >
    {elapsed.text}
  </Typography>
);
