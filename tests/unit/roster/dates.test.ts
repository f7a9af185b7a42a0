import { describe, expect, it } from 'vitest';
import { ageOn, parseListDate } from '../../../src/domain/roster/dates.ts';

const AS_OF = '2026-06-15';

describe('parseListDate', () => {
  it.each([
    ['01.02.1990', '1990-02-01'],
    ['1.2.1990', '1990-02-01'],
    ['01/02/1990', '1990-02-01'],
    ['01-02-1990', '1990-02-01'],
    ['1990-02-01', '1990-02-01'],
    ['1990-2-1', '1990-02-01'],
    [' 01.02.1990 ', '1990-02-01'],
    ['01.02.1990 00:00', '1990-02-01'],
    ['1990-02-01 00:00:00', '1990-02-01'],
    ['1990-02-01T00:00:00', '1990-02-01'],
    ['29.02.2024', '2024-02-29'],
  ])('reads %j as %s', (text, date) => {
    expect(parseListDate(text, AS_OF)).toEqual({ ok: true, date });
  });

  it('places a two-digit year in the latest century that is not after the as-of date', () => {
    expect(parseListDate('1.2.90', AS_OF)).toEqual({ ok: true, date: '1990-02-01' });
    expect(parseListDate('1.2.03', AS_OF)).toEqual({ ok: true, date: '2003-02-01' });
    expect(parseListDate('15.6.26', AS_OF)).toEqual({ ok: true, date: '2026-06-15' });
    // One day after the as-of date would be in the future, so it is a century earlier.
    expect(parseListDate('16.6.26', AS_OF)).toEqual({ ok: true, date: '1926-06-16' });
    expect(parseListDate('1.1.30', AS_OF)).toEqual({ ok: true, date: '1930-01-01' });
  });

  it('accepts only real calendar dates', () => {
    expect(parseListDate('31.02.1990', AS_OF)).toEqual({ ok: false, reason: 'dateNotReal' });
    expect(parseListDate('29.02.2023', AS_OF)).toEqual({ ok: false, reason: 'dateNotReal' });
    expect(parseListDate('1990-13-01', AS_OF)).toEqual({ ok: false, reason: 'dateNotReal' });
    expect(parseListDate('00.01.1990', AS_OF)).toEqual({ ok: false, reason: 'dateNotReal' });
  });

  it('refuses other shapes', () => {
    for (const text of ['19900201', '1/2', 'feb 1990', '1990-02-01Z', '01.02.1990 kl 12', '1.2.990', '']) {
      expect(parseListDate(text, AS_OF), text).toEqual({ ok: false, reason: 'dateFormat' });
    }
  });
});

describe('ageOn', () => {
  it('counts a birthday from the day itself', () => {
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
    expect(ageOn('2008-06-16', '2026-06-15')).toBe(17);
    expect(ageOn('1970-06-15', '2026-06-15')).toBe(56);
    expect(ageOn('1970-06-16', '2026-06-15')).toBe(55);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });
});
