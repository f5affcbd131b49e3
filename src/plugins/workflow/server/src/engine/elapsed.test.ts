import { describe, expect, it } from 'vitest';
import { workingHoursBetween, parseOfficeHours } from './calendar';
import { elapsedBetween, formatHours, warningLevel } from './elapsed';

const office = parseOfficeHours('09:00-17:00');
const working = (from: Date, to: Date) => workingHoursBetween(from, to, office);
/** An instant given in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);

describe('formatHours', () => {
  it('writes hours below a day as N小时, rounding down', () => {
    expect(formatHours(0)).toBe('0小时');
    expect(formatHours(5.9)).toBe('5小时');
    expect(formatHours(23.99)).toBe('23小时');
  });

  it('writes a day and more as X天Y小时', () => {
    expect(formatHours(24)).toBe('1天0小时');
    expect(formatHours(49.5)).toBe('2天1小时');
    expect(formatHours(210)).toBe('8天18小时');
  });

  it('never writes a negative time', () => {
    expect(formatHours(-3)).toBe('0小时');
  });
});

describe('elapsedBetween', () => {
  it('measures natural hours by default, and is overdue once the threshold is reached', () => {
    const e = elapsedBetween('2025-03-03T00:00:00Z', '2025-03-04T00:00:00Z', 24);
    expect(e).toEqual({
      hours: 24,
      text: '1天0小时',
      thresholdHours: 24,
      unit: 'natural',
      measuredHours: 24,
      overdue: true,
    });
    expect(elapsedBetween('2025-03-03T00:00:00Z', '2025-03-03T23:59:00Z', 24).overdue).toBe(false);
  });

  it('accepts dates as well as strings, and rounds hours to two decimals', () => {
    const e = elapsedBetween(new Date('2025-03-03T00:00:00Z'), new Date('2025-03-03T00:20:00Z'), null);
    expect(e.hours).toBe(0.33);
    expect(e.measuredHours).toBe(0.33);
    expect(e.text).toBe('0小时');
  });

  it('is never overdue without a threshold', () => {
    const e = elapsedBetween('2025-01-01T00:00:00Z', '2025-12-31T00:00:00Z', undefined);
    expect(e.thresholdHours).toBeNull();
    expect(e.overdue).toBe(false);
  });

  it('over a weekend: natural hours count Saturday and Sunday, working hours only office hours', () => {
    // Friday 16:00 to Monday 10:00, China time: 66 natural hours, 1 + 1 working hours.
    const [from, to] = [china('2025-03-07T16:00:00'), china('2025-03-10T10:00:00')];
    const natural = elapsedBetween(from, to, 8, 'natural', working);
    expect(natural).toMatchObject({ hours: 66, measuredHours: 66, unit: 'natural', overdue: true });
    const workingHours = elapsedBetween(from, to, 8, 'working', working);
    // Pages always show natural hours; the threshold compares working hours.
    expect(workingHours).toMatchObject({ hours: 66, text: '2天18小时', measuredHours: 2, unit: 'working' });
    expect(workingHours.overdue).toBe(false);
  });

  it('over the National Day holiday (2025-10-01 to 10-08) working hours skip the whole week', () => {
    const [from, to] = [china('2025-09-30T16:00:00'), china('2025-10-09T10:00:00')];
    const e = elapsedBetween(from, to, 3, 'working', working);
    expect(e).toMatchObject({ hours: 210, text: '8天18小时', measuredHours: 2, overdue: false });
    expect(elapsedBetween(from, to, 2, 'working', working).overdue).toBe(true);
  });

  it('falls back to natural hours when the unit is working but no calendar is given', () => {
    const e = elapsedBetween(china('2025-03-07T16:00:00'), china('2025-03-10T10:00:00'), 8, 'working');
    expect(e).toMatchObject({ unit: 'working', measuredHours: 66, overdue: true });
  });

  it('does not call the calendar for natural hours', () => {
    let calls = 0;
    const counting = (from: Date, to: Date) => {
      calls += 1;
      return working(from, to);
    };
    elapsedBetween('2025-03-07T00:00:00Z', '2025-03-10T00:00:00Z', 8, 'natural', counting);
    expect(calls).toBe(0);
    elapsedBetween('2025-03-07T00:00:00Z', '2025-03-10T00:00:00Z', 8, 'working', counting);
    expect(calls).toBe(1);
  });
});

describe('warningLevel', () => {
  const percents = [50, 80, 100] as const;

  it('is 0 below the first percentage and counts the percentages reached', () => {
    expect(warningLevel(3.9, 8, percents)).toBe(0);
    expect(warningLevel(4, 8, percents)).toBe(1);
    expect(warningLevel(6.4, 8, percents)).toBe(2);
    expect(warningLevel(8, 8, percents)).toBe(3);
    expect(warningLevel(80, 8, percents)).toBe(3);
  });

  it('is 0 without a threshold', () => {
    expect(warningLevel(100, null, percents)).toBe(0);
    expect(warningLevel(100, 0, percents)).toBe(0);
  });

  it('follows the configured percentages', () => {
    expect(warningLevel(6, 8, [70, 90, 120])).toBe(1);
    expect(warningLevel(9, 8, [70, 90, 120])).toBe(2);
  });
});
