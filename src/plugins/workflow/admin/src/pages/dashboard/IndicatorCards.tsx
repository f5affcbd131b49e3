import { Box, Grid, Typography } from '@strapi/design-system';
import type { Dashboard } from '../../api/metrics';
import { hours } from './format';
import { INDICATORS, type Indicator } from './indicators';

/** One indicator: its name, its value, and how it is counted on hover. */
const IndicatorCard = ({ indicator: i, figures }: { indicator: Indicator; figures: Dashboard['indicators'] }) => (
  <Grid.Item col={2} s={4} xs={6}>
    <Box
      padding={3}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      title={i.help}
      width="100%"
      data-testid={`indicator-${i.key}`}
    >
      <Typography variant="pi" textColor="neutral600">
        {i.label} ⓘ
      </Typography>
      <Typography variant="beta" tag="p" data-testid="value">
        {i.value(figures)}
      </Typography>
    </Box>
  </Grid.Item>
);

/** 响应时间：本期 / 上期, and how much slower or faster the current period is. */
const ResponseComparison = ({ comparison: r }: { comparison?: Dashboard['responseComparison'] }) => (
  <Grid.Item col={4} s={8} xs={12}>
    <Box
      padding={3}
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      width="100%"
      data-testid="response-comparison"
      title="期间内新建工单的首次响应时间，与上一个同样长的期间相比"
    >
      <Typography variant="pi" textColor="neutral600">
        响应时间：本期 / 上期 ⓘ
      </Typography>
      <Typography variant="beta" tag="p">
        {hours(r?.current ?? null)} / {hours(r?.previous ?? null)}
        {r?.change !== null && r?.change !== undefined
          ? `（${r.change > 0 ? '慢' : '快'}${Math.abs(r.change * 100).toFixed(0)}%）`
          : ''}
      </Typography>
    </Box>
  </Grid.Item>
);

/** The 15 indicators and the response time against the previous period. */
export const IndicatorCards = ({ data }: { data: Dashboard }) => (
  <Grid.Root gap={3}>
    {INDICATORS.map((i) => (
      <IndicatorCard key={i.key} indicator={i} figures={data.indicators} />
    ))}
    <ResponseComparison comparison={data.responseComparison} />
  </Grid.Root>
);
