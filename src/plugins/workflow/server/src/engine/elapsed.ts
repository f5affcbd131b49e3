const HOUR = 3_600_000;

/** `N小时` below 24 hours, `X天Y小时` from 24 on (seed 001, 2.x). */
export const formatHours = (hours: number): string => {
  const h = Math.max(0, Math.floor(hours));
  return h < 24 ? `${h}小时` : `${Math.floor(h / 24)}天${h % 24}小时`;
};

export interface Elapsed {
  hours: number;
  text: string;
  thresholdHours: number | null;
  overdue: boolean;
}

export const elapsedBetween = (from: Date | string, to: Date | string, thresholdHours: number | null | undefined): Elapsed => {
  const hours = (new Date(to).getTime() - new Date(from).getTime()) / HOUR;
  const threshold = thresholdHours ?? null;
  return {
    hours: Math.round(hours * 100) / 100,
    text: formatHours(hours),
    thresholdHours: threshold,
    overdue: threshold !== null && hours > threshold,
  };
};
