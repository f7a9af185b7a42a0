/** Bytes in the largest unit that keeps the number ≥ 1, through the translated unit keys. */
export function formatBytes(bytes: number, t: (key: string, o: { value: string }) => string): string {
  const units = ['bytes', 'kilobytes', 'megabytes', 'gigabytes'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return t(`units.${units[i]}`, { value: value.toFixed(i === 0 ? 0 : 1) });
}

/**
 * "5 minutes ago" in the UI language, from Intl (no locale data shipped). A `then` after `now` (the
 * display's clock ticks only every so often) reads as "now", never "in 1 second".
 */
export function formatSince(then: number, now: number, lang: string): string {
  const seconds = Math.min(0, Math.round((then - now) / 1000));
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return rtf.format(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

// One formatter per language: the roster formats dates in every row it renders.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar date `yyyy-mm-dd` in the UI language (it names a day, not an instant: no time zone shift). */
export function formatIsoDate(iso: string, lang: string): string {
  let format = dateFormats.get(lang);
  if (!format)
    dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An instant (device time or a server timestamp) as date and time in the UI language. */
export function formatDateTime(at: number | string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}
