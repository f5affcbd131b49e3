import { describe, expect, it } from 'vitest';
import { chinaDay, dayStart, parseOfficeHours, workingCutoff, workingHoursBetween } from './calendar';

const office = parseOfficeHours('09:00-17:00');
/** An instant given in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`);
const between = (from: string, to: string) => workingHoursBetween(china(from), china(to), office);

describe('parseOfficeHours', () => {
  it('reads HH:mm-HH:mm as minutes of the day', () => {
    expect(parseOfficeHours('09:00-17:00')).toEqual({ startMinutes: 540, endMinutes: 1020 });
    expect(parseOfficeHours('08:30-17:45')).toEqual({ startMinutes: 510, endMinutes: 1065 });
  });

  it('refuses office hours that end before they start, or empty ones', () => {
    expect(() => parseOfficeHours('17:00-09:00')).toThrow('the end must come after the start');
    expect(() => parseOfficeHours('09:00-09:00')).toThrow('the end must come after the start');
    expect(() => parseOfficeHours('nine-five')).toThrow();
  });
});

describe('China-time days', () => {
  it('chinaDay is the date in UTC+8', () => {
    expect(chinaDay(new Date('2025-03-07T15:59:59Z'))).toBe('2025-03-07');
    expect(chinaDay(new Date('2025-03-07T16:00:00Z'))).toBe('2025-03-08');
    expect(chinaDay(Date.parse('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('dayStart is China midnight, and chinaDay its inverse', () => {
    expect(dayStart('2025-03-08').toISOString()).toBe('2025-03-07T16:00:00.000Z');
    expect(chinaDay(dayStart('2025-10-01'))).toBe('2025-10-01');
  });
});

describe('workingHoursBetween', () => {
  it('counts the office hours of a working day, clipped to the interval', () => {
    expect(between('2025-03-05T00:00:00', '2025-03-06T00:00:00')).toBe(8);
    expect(between('2025-03-05T10:30:00', '2025-03-05T12:00:00')).toBe(1.5);
    expect(between('2025-03-05T07:00:00', '2025-03-05T10:00:00')).toBe(1);
    expect(between('2025-03-05T16:00:00', '2025-03-05T23:00:00')).toBe(1);
    expect(between('2025-03-05T18:00:00', '2025-03-06T08:00:00')).toBe(0);
  });

  it('is 0 for an empty or reversed interval', () => {
    expect(between('2025-03-05T10:00:00', '2025-03-05T10:00:00')).toBe(0);
    expect(between('2025-03-05T12:00:00', '2025-03-05T10:00:00')).toBe(0);
  });

  it('skips a weekend', () => {
    // Friday 2025-03-07 16:00 to Monday 2025-03-10 10:00.
    expect(between('2025-03-07T16:00:00', '2025-03-10T10:00:00')).toBe(2);
    expect(between('2025-03-08T00:00:00', '2025-03-10T00:00:00')).toBe(0);
  });

  it('uses China time, not UTC, for the office hours', () => {
    // 09:00-17:00 in China is 01:00-09:00 UTC.
    expect(workingHoursBetween(new Date('2025-03-05T00:00:00Z'), new Date('2025-03-05T02:00:00Z'), office)).toBe(1);
    expect(workingHoursBetween(new Date('2025-03-05T09:00:00Z'), new Date('2025-03-05T15:00:00Z'), office)).toBe(0);
  });

  it('skips public holidays: the National Day week 2025-10-01 to 10-08 counts nothing', () => {
    expect(between('2025-10-01T00:00:00', '2025-10-09T00:00:00')).toBe(0);
    expect(between('2025-09-30T16:00:00', '2025-10-09T10:00:00')).toBe(2);
    // Labour Day 2025-05-01 is a Thursday, a holiday.
    expect(between('2025-05-01T00:00:00', '2025-05-02T00:00:00')).toBe(0);
  });

  it('skips the Spring Festival and counts its make-up working days (调休)', () => {
    // 2025-01-28 to 02-04 are holidays; Sunday 01-26 and Saturday 02-08 are working days.
    expect(between('2025-01-28T00:00:00', '2025-02-05T00:00:00')).toBe(0);
    expect(between('2025-01-26T00:00:00', '2025-01-27T00:00:00')).toBe(8);
    expect(between('2025-02-08T00:00:00', '2025-02-09T00:00:00')).toBe(8);
  });

  it('counts Saturday 2025-10-11, a make-up working day after National Day', () => {
    // Friday 16:00 -> Saturday (8 h) -> Sunday (holiday) -> Monday 10:00.
    expect(between('2025-10-10T16:00:00', '2025-10-13T10:00:00')).toBe(10);
  });

  it('follows the office hours it is given', () => {
    const long = parseOfficeHours('08:30-17:30');
    expect(workingHoursBetween(china('2025-03-05T00:00:00'), china('2025-03-06T00:00:00'), long)).toBe(9);
  });
});

describe('workingCutoff', () => {
  it('goes back within the same working day', () => {
    expect(workingCutoff(china('2025-03-05T15:00:00'), 2, office)).toEqual(china('2025-03-05T13:00:00'));
  });

  it('counts only office hours before `to`, and none after closing time', () => {
    expect(workingCutoff(china('2025-03-05T20:00:00'), 1, office)).toEqual(china('2025-03-05T16:00:00'));
    expect(workingCutoff(china('2025-03-05T08:00:00'), 1, office)).toEqual(china('2025-03-04T16:00:00'));
  });

  it('goes back over a weekend', () => {
    // Monday 10:00 minus 2 working hours: Monday 09:00-10:00 and Friday 16:00-17:00.
    expect(workingCutoff(china('2025-03-10T10:00:00'), 2, office)).toEqual(china('2025-03-07T16:00:00'));
  });

  it('goes back over the National Day holiday', () => {
    expect(workingCutoff(china('2025-10-09T10:00:00'), 2, office)).toEqual(china('2025-09-30T16:00:00'));
  });

  it('is the inverse of workingHoursBetween', () => {
    const to = china('2025-10-13T10:00:00');
    for (const hours of [0.5, 1, 9, 10, 17, 40]) {
      expect(workingHoursBetween(workingCutoff(to, hours, office), to, office)).toBeCloseTo(hours, 9);
    }
  });

  it('returns to itself for zero hours inside office hours', () => {
    expect(workingCutoff(china('2025-03-05T11:00:00'), 0, office)).toEqual(china('2025-03-05T11:00:00'));
  });

  it('stops about ten years back for a threshold that never fits', () => {
    const to = china('2025-03-05T12:00:00');
    const cutoff = workingCutoff(to, 1_000_000, office);
    const years = (to.getTime() - cutoff.getTime()) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(9.9);
    expect(years).toBeLessThan(10.1);
  });
});
