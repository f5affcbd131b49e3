import { isWorkday } from 'chinese-days';

/**
 * Working hours between two instants, in China time: only office hours of working days count, which
 * skips weekends and public holidays and counts the make-up working days (调休) — the official
 * calendar as the `chinese-days` package publishes it.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface OfficeHours {
  startMinutes: number;
  endMinutes: number;
}

export const parseOfficeHours = (text: string): OfficeHours => {
  const [start, end] = text.split('-').map((t) => {
    const [h, m] = t.split(':').map(Number);
    return h * 60 + m;
  });
  if (!(end > start)) throw new Error(`office hours ${text}: the end must come after the start`);
  return { startMinutes: start, endMinutes: end };
};

/** yyyy-MM-dd of the China-time day an instant falls in. */
export const chinaDay = (at: Date | number) =>
  new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
/** The instant a China-time day (yyyy-MM-dd) starts. */
export const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);

export const workingHoursBetween = (from: Date, to: Date, office: OfficeHours): number => {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  // China midnight on or before `from`, in UTC ms (China has no daylight saving time).
  let day = Math.floor((start + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  let total = 0;
  for (; day < end; day += DAY_MS) {
    if (!isWorkday(chinaDay(day))) continue;
    const open = Math.max(start, day + office.startMinutes * 60_000);
    const close = Math.min(end, day + office.endMinutes * 60_000);
    if (close > open) total += close - open;
  }
  return total / HOUR_MS;
};

/** Days a walk over the calendar goes back at most (ten years): a threshold beyond it never fits. */
const MAX_DAYS = 3_660;

/**
 * The latest instant from which `hours` working hours have passed by `to`: a visit that started then
 * or earlier has reached them. The inverse of workingHoursBetween, walking back over office hours.
 */
export const workingCutoff = (to: Date, hours: number, office: OfficeHours): Date => {
  const end = to.getTime();
  let left = hours * HOUR_MS;
  let day = Math.floor((end + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  for (let i = 0; i < MAX_DAYS; i += 1, day -= DAY_MS) {
    if (!isWorkday(chinaDay(day))) continue;
    const open = day + office.startMinutes * 60_000;
    const close = Math.min(end, day + office.endMinutes * 60_000);
    if (close <= open) continue;
    if (close - open >= left) return new Date(close - left);
    left -= close - open;
  }
  return new Date(day);
};
