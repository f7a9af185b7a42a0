import { describe, expect, it } from 'vitest';
import { daysLeft, isDeadlineDays, mappingDeadline, todayInOslo } from '../../../src/domain/roster/deadline.ts';

describe('mappingDeadline', () => {
  it('adds 14 calendar days by default, across months, years and leap days', () => {
    expect(mappingDeadline('2026-06-01')).toBe('2026-06-15');
    expect(mappingDeadline('2026-12-25')).toBe('2027-01-08');
    expect(mappingDeadline('2028-02-20')).toBe('2028-03-05');
  });

  it('is not shifted by the daylight-saving changes (29 March and 25 October 2026 in Oslo)', () => {
    expect(mappingDeadline('2026-03-20')).toBe('2026-04-03');
    expect(mappingDeadline('2026-10-20')).toBe('2026-11-03');
    expect(mappingDeadline('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('takes the municipality’s number of days, within 0–365', () => {
    expect(mappingDeadline('2026-06-01', 0)).toBe('2026-06-01');
    expect(mappingDeadline('2026-06-01', 21)).toBe('2026-06-22');
    expect(isDeadlineDays(365)).toBe(true);
    expect([isDeadlineDays(-1), isDeadlineDays(366), isDeadlineDays(1.5)]).toEqual([false, false, false]);
    expect(() => mappingDeadline('2026-06-01', -1)).toThrow(RangeError);
  });
});

describe('daysLeft', () => {
  it('is 0 on the day, negative once overdue, and counts calendar days across DST', () => {
    expect(daysLeft('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysLeft('2026-06-15', '2026-06-12')).toBe(3);
    expect(daysLeft('2026-06-15', '2026-06-16')).toBe(-1);
    expect(daysLeft('2026-04-03', '2026-03-20')).toBe(14);
  });
});

describe('todayInOslo', () => {
  it('gives the Norwegian date of an instant, in winter (UTC+1) and summer (UTC+2)', () => {
    expect(todayInOslo(Date.UTC(2026, 0, 15, 22, 59))).toBe('2026-01-15');
    expect(todayInOslo(Date.UTC(2026, 0, 15, 23, 0))).toBe('2026-01-16');
    expect(todayInOslo(Date.UTC(2026, 5, 15, 21, 59))).toBe('2026-06-15');
    expect(todayInOslo(new Date(Date.UTC(2026, 5, 15, 22, 0)))).toBe('2026-06-16');
  });
});
