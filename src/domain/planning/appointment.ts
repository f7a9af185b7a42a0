import { osloInstant } from './osloTime.ts';
import type { PlaceRecord, PlannedSession } from './records.ts';

/**
 * A resident's own appointment as the information screens show it (src/client/resident-info/
 * appointment.ts): the time as an Oslo instant and the place as its name and address. No name or id.
 */
export interface ResidentAppointment {
  start: string;
  place: string;
}

/** The place as a resident reads it: its name and address. */
export function placeText(place: Pick<PlaceRecord, 'name' | 'address'> | undefined): string {
  return place ? [place.name, place.address].filter(Boolean).join(', ') : '';
}

/** The resident's earliest slot still `planned` in a live session, or undefined when there is none. */
export function nextAppointment(
  residentId: string,
  sessions: readonly PlannedSession[],
  places: readonly PlaceRecord[],
): ResidentAppointment | undefined {
  let best: { session: PlannedSession; start: string } | undefined;
  for (const s of sessions) {
    if (s.deleted) continue;
    for (const slot of s.slots) {
      if (slot.residentId !== residentId || slot.status !== 'planned') continue;
      const key = `${s.date} ${slot.start}`;
      if (!best || key < `${best.session.date} ${best.start}`) best = { session: s, start: slot.start };
    }
  }
  if (!best) return undefined;
  const place = places.find((p) => p.id === best.session.placeId);
  return { start: osloInstant(best.session.date, best.start), place: placeText(place) };
}
