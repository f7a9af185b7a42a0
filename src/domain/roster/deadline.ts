import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { DEFAULT_DEADLINE_DAYS, isDeadlineDays } from './deadlineDays.ts';

/**
 * The mapping deadline: IMDi's guideline is within two weeks of the permit; municipalities may set
 * their own number of days. All arithmetic is on calendar dates (parsed as local midnight and formatted
 * back), so daylight-saving changes never shift a deadline by a day.
 */

export { DEFAULT_DEADLINE_DAYS, MAX_DEADLINE_DAYS, isDeadlineDays } from './deadlineDays.ts';

// A weekly list has a few dozen distinct permit dates for thousands of people: remember the answers.
const computed = new Map<string, string>();
const COMPUTED_LIMIT = 10_000;

/** ISO date `days` calendar days after the permit date. */
export function mappingDeadline(permitDate: string, days: number = DEFAULT_DEADLINE_DAYS): string {
  if (!isDeadlineDays(days)) throw new RangeError(`deadline days out of range: ${days}`);
  const key = `${permitDate}+${days}`;
  let deadline = computed.get(key);
  if (deadline === undefined) {
    deadline = format(addDays(parseISO(permitDate), days), 'yyyy-MM-dd');
    if (computed.size >= COMPUTED_LIMIT) computed.clear();
    computed.set(key, deadline);
  }
  return deadline;
}

/** Days from `today` until `deadline`: 0 on the day itself, negative once overdue. */
export function daysLeft(deadline: string, today: string): number {
  return differenceInCalendarDays(parseISO(deadline), parseISO(today));
}

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The date in Norway at an instant, whatever zone the device or server is set to: deadlines are
 * Norwegian calendar days.
 */
export function todayInOslo(instant: Date | number): string {
  const parts = Object.fromEntries(OSLO_DATE.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
