/** Sessions are held in Norway: a date and a clock time there, as an instant. */

const TIME_ZONE = 'Europe/Oslo';

/**
 * `2026-12-01` + `09:00` → `2026-12-01T09:00:00+01:00` (or `+02:00` in summer time): the offset is
 * the one Oslo has at that local time, found by asking Intl which of the two gives that wall clock.
 */
export function osloInstant(date: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T${time}:00${offset}`;
    if (wallClock(new Date(iso)) === `${date} ${time}`) return iso;
  }
  // The hour skipped when summer time starts: read as winter time (an hour later on the clock).
  return `${date}T${time}:00+01:00`;
}

function wallClock(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
