import { endOfISOWeek, format, parseISO, startOfISOWeek } from 'date-fns';

/** The Monday of the week `date` (ISO) lies in, and the Sunday after: Norwegian weeks start on Monday. */
export function weekOf(date: string): { from: string; to: string } {
  const day = parseISO(date);
  return { from: format(startOfISOWeek(day), 'yyyy-MM-dd'), to: format(endOfISOWeek(day), 'yyyy-MM-dd') };
}
