import { differenceInCalendarDays } from 'date-fns';

/**
 * A resident's own appointment, when one is known: the weekly list's QR codes carry it, and the
 * resident's screen hands their next planned session to resident mode (src/domain/planning/appointment.ts).
 * It carries no name or id: only what the resident needs to find the room at the right time.
 */
export interface Appointment {
  /** ISO 8601 instant, e.g. 2026-12-01T09:00:00+01:00. */
  start: string;
  place: string;
  travelNote?: string;
}

// Appointments are in Norway whatever the tablet's settings say.
const TIME_ZONE = 'Europe/Oslo';

// Intl has no data under some of our codes; the nearest locale it knows formats the same way.
const INTL_LOCALE: Record<string, string> = { prs: 'fa-AF', kmr: 'ku', nb: 'nb-NO', nn: 'nn-NO' };

export interface FormattedAppointment {
  date: string;
  time: string;
  /** "tomorrow", "in 3 days", … or undefined when the appointment is past or more than two weeks away. */
  relative: string | undefined;
}

export function formatAppointment(start: string, lang: string, now = new Date()): FormattedAppointment | undefined {
  const when = new Date(start);
  if (Number.isNaN(when.getTime())) return undefined;
  // A fallback list: Intl picks the first locale it supports, English last.
  const locales = [INTL_LOCALE[lang] ?? lang, 'en'];
  const date = new Intl.DateTimeFormat(locales, { dateStyle: 'full', timeZone: TIME_ZONE }).format(when);
  const time = new Intl.DateTimeFormat(locales, { timeStyle: 'short', timeZone: TIME_ZONE }).format(when);
  const days = differenceInCalendarDays(when, now);
  const relative =
    days >= 0 && days <= 14 ? new Intl.RelativeTimeFormat(locales, { numeric: 'auto' }).format(days, 'day') : undefined;
  return { date, time, relative };
}

/**
 * An appointment from the public page's query (?t=<ISO time>&p=<place name and address>), as the weekly
 * list's QR codes carry it (src/domain/planning/weeklyList.ts); never a resident's name or id.
 */
export function appointmentFromQuery(search: string): Appointment | undefined {
  const params = new URLSearchParams(search);
  const start = params.get('t');
  if (!start || Number.isNaN(new Date(start).getTime())) return undefined;
  return { start, place: params.get('p') ?? '' };
}
