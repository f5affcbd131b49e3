const HOUR = 3_600_000;

/** `N小时` below 24 hours, `X天Y小时` from 24 on (seed 001, 2.x). */
export const formatHours = (hours: number): string => {
  const h = Math.max(0, Math.floor(hours));
  return h < 24 ? `${h}小时` : `${Math.floor(h / 24)}天${h % 24}小时`;
};

export type ThresholdUnit = 'natural' | 'working';

export interface Elapsed {
  /** Natural hours: what every page shows. */
  hours: number;
  text: string;
  thresholdHours: number | null;
  /** How the threshold counts: natural hours, or working hours (office hours of working days). */
  unit: ThresholdUnit;
  /** The elapsed time in the threshold's own unit; overdue and the warnings compare this. */
  measuredHours: number;
  overdue: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Elapsed time of a step visit; `working` measures it in the step's working hours when that is its unit. */
export const elapsedBetween = (
  from: Date | string,
  to: Date | string,
  thresholdHours: number | null | undefined,
  unit: ThresholdUnit = 'natural',
  working?: (from: Date, to: Date) => number,
): Elapsed => {
  const hours = (new Date(to).getTime() - new Date(from).getTime()) / HOUR;
  const threshold = thresholdHours ?? null;
  const measured = unit === 'working' && working ? working(new Date(from), new Date(to)) : hours;
  return {
    hours: round(hours),
    text: formatHours(hours),
    thresholdHours: threshold,
    unit,
    measuredHours: round(measured),
    // Overdue from the moment the time reaches the threshold (100 %), whatever the warning percentages.
    overdue: threshold !== null && measured >= threshold,
  };
};

/** The warning level a share of the threshold has reached: 0 below the first percentage, else 1–3. */
export const warningLevel = (
  measuredHours: number,
  thresholdHours: number | null,
  percents: readonly number[],
): number => {
  if (!thresholdHours) return 0;
  const share = (measuredHours / thresholdHours) * 100;
  return percents.filter((p) => share >= p).length;
};
