import { travel } from './distance.ts';
import { DEFAULT_BUS_TICKET_KM, type Cost, type PlanInput, type PlannedSlot, type Session } from './model.ts';
import type { Problem } from './problem.ts';
import { toClock } from './time.ts';

/**
 * Cuts each window's laid-out slots into sessions: a session is a run of slots of one language, empty
 * slots between two of them included (the interpreter waits there), empty slots at either end not.
 */
export function toSessions(
  p: Problem,
  input: PlanInput,
  layouts: readonly Int32Array[],
  late: ReadonlySet<number>,
): Session[] {
  const places = new Map(input.places.map((place) => [place.id, place]));
  const terms = new Map((input.interpreters ?? []).map((t) => [t.language, t]));
  const threshold = input.busTicketKm ?? DEFAULT_BUS_TICKET_KM;
  const sessions: Session[] = [];
  for (const w of p.windows) {
    const slots = layouts[w.index] as Int32Array;
    const place = places.get(w.window.placeId);
    const langAt = (i: number) => p.residents[slots[i] ?? -1]?.lang ?? -1;
    for (let i = 0; i < slots.length;) {
      const lang = langAt(i);
      if (lang < 0) {
        i++;
        continue;
      }
      // The run ends at the last slot of this language before another language (or the end).
      let end = i + 1;
      for (let j = i + 1; j < slots.length; j++) {
        const other = langAt(j);
        if (other === lang) end = j + 1;
        else if (other >= 0) break;
      }
      const slotList: PlannedSlot[] = [];
      for (let k = i; k < end; k++) {
        const start = w.start + k * p.slotMinutes;
        const r = p.residents[slots[k] ?? -1];
        const slot: PlannedSlot = { start: toClock(start), end: toClock(start + p.slotMinutes), residentId: null };
        if (r) {
          slot.residentId = r.resident.id;
          if (r.lockedWindow >= 0) slot.locked = true;
          if (late.has(r.index)) slot.late = true;
          const centre = places.get(r.resident.receptionCentre);
          if (centre && place) {
            const trip = travel(centre, place, threshold);
            slot.distanceKm = trip.km;
            slot.busTicket = trip.busTicket;
          }
        }
        slotList.push(slot);
      }
      const language = p.languages[lang] as string;
      const need = terms.get(language);
      const first = slotList[0] as PlannedSlot;
      sessions.push({
        id: `${w.window.id}@${first.start}`,
        windowId: w.window.id,
        date: w.window.date,
        start: first.start,
        end: (slotList.at(-1) as PlannedSlot).end,
        placeId: w.window.placeId,
        mapper: w.window.mapper,
        slotMinutes: p.slotMinutes,
        language,
        interpreter: p.needsInterpreter[lang]
          ? { language, category: need?.category ?? null, mode: need?.mode ?? 'inPerson' }
          : null,
        slots: slotList,
      });
      i = end;
    }
  }
  return sessions;
}

/** What a plan's cost looks at in a session: the planner's, or one accepted and edited since. */
export type CostedSession = Pick<Session, 'interpreter' | 'slotMinutes'> & {
  slots: readonly { residentId: string | null }[];
};

/** The plan's cost in what the municipality pays for and what residents suffer. */
export function planCost(sessions: readonly CostedSession[], deadlinesMissed: number, unplaced: number): Cost {
  let interpreterBookings = 0;
  let idleMinutes = 0;
  for (const s of sessions) {
    if (!s.interpreter) continue;
    interpreterBookings++;
    idleMinutes += s.slots.filter((slot) => slot.residentId === null).length * s.slotMinutes;
  }
  return { interpreterBookings, idleMinutes, deadlinesMissed, unplaced };
}
