/** Clock times `HH:MM` ↔ minutes after midnight. Dates stay ISO strings: they compare as text. */

export function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function toClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
