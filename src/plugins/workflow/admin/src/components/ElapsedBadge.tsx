import { Flex, Typography } from '@strapi/design-system';
import type { Elapsed } from '../api/orders';

const LEVELS = ['', '一级预警', '二级预警', '三级预警'];

/** 历时: red once the step has run past its threshold (seed 001, 2.x), with the warning level beside it. */
export const ElapsedBadge = ({ elapsed, warningLevel = 0 }: { elapsed: Elapsed; warningLevel?: number }) => (
  <Flex gap={1} tag="span" display="inline-flex">
    <Typography
      data-overdue={elapsed.overdue ? 'true' : 'false'}
      textColor={elapsed.overdue ? 'danger600' : 'neutral800'}
      fontWeight={elapsed.overdue ? 'bold' : 'regular'}
      title={
        elapsed.thresholdHours
          ? `时限 ${elapsed.thresholdHours} ${elapsed.unit === 'working' ? '工作小时' : '小时'}`
          : undefined
      }
    >
      {elapsed.text}
    </Typography>
    {warningLevel > 0 ? (
      <Typography
        data-warning={warningLevel}
        variant="pi"
        fontWeight="bold"
        textColor={warningLevel === 1 ? 'warning700' : 'danger700'}
        style={{ padding: '1px 6px', borderRadius: 4, background: warningLevel === 1 ? '#fdf4dc' : '#fcecea' }}
      >
        {LEVELS[warningLevel]}
      </Typography>
    ) : null}
  </Flex>
);
