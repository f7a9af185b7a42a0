import { isIsoDate } from '../resident.ts';

/**
 * Dates as Norwegian exports write them → ISO `yyyy-mm-dd`. Accepted: `dd.mm.yyyy` (also with `/` or
 * `-`, and one-digit day or month), `yyyy-mm-dd`, `d.m.yy`, each optionally followed by a time of
 * day that Excel sometimes appends (ignored; never a time zone, which could move the date).
 */

export type DateProblem = 'dateFormat' | 'dateNotReal';

export type DateResult = { ok: true; date: string } | { ok: false; reason: DateProblem };

const TIME = String.raw`(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);

/**
 * @param asOf ISO date of "today". A two-digit year takes the latest century that does not put the
 *   date after `asOf` (so "1.2.03" is 2003 when asOf is 2026, and "1.2.30" is 1930): a birth date or
 *   permit date is never in the future.
 */
export function parseListDate(text: string, asOf: string): DateResult {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = YEAR_FIRST.exec(value);
  const dmy = iso ? null : DAY_FIRST.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dmy) {
    [day, month] = [Number(dmy[1]), Number(dmy[3])];
    const y = dmy[4] ?? '';
    year = y.length === 4 ? Number(y) : twoDigitYear(Number(y), month, day, asOf);
  } else {
    return { ok: false, reason: 'dateFormat' };
  }
  const date = isoDate(year, month, day);
  return isIsoDate(date) ? { ok: true, date } : { ok: false, reason: 'dateNotReal' };
}

function twoDigitYear(yy: number, month: number, day: number, asOf: string): number {
  const asOfYear = Number(asOf.slice(0, 4));
  const century = Math.floor(asOfYear / 100) * 100;
  const recent = century + yy;
  // Compared as strings: both are zero-padded ISO dates.
  return isoDate(recent, month, day) <= asOf ? recent : recent - 100;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Completed years of age on `date`. A birthday counts from the day itself, so a person is 18 on
 * their 18th birthday; someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
