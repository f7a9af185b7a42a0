import type { PlaceRecord, PlannedSession, SessionInterpreter } from './records.ts';

/**
 * What the municipality's interpreter service needs to book an interpreter: one order per session
 * with an interpreter, by language and time. No resident is named: the count is enough to book.
 */
export interface InterpreterOrder {
  sessionId: string;
  language: string;
  date: string;
  start: string;
  end: string;
  placeName: string;
  placeAddress: string | null;
  mode: SessionInterpreter['mode'];
  /** The lowest category accepted; null: any qualified interpreter. */
  category: SessionInterpreter['category'];
  residents: number;
  /** Filled in once booked. */
  interpreterName: string | null;
  registerId: string | null;
}

export function interpreterOrders(
  sessions: readonly PlannedSession[],
  places: readonly PlaceRecord[],
  from: string,
  to: string,
): InterpreterOrder[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  return sessions
    .flatMap(({ interpreter, ...s }) => {
      if (s.deleted || interpreter === null || s.date < from || s.date > to) return [];
      const place = byId.get(s.placeId);
      const order: InterpreterOrder = {
        sessionId: s.id,
        language: interpreter.language,
        date: s.date,
        start: s.start,
        end: s.end,
        placeName: place?.name ?? '',
        placeAddress: place?.address ?? null,
        mode: interpreter.mode,
        category: interpreter.category,
        residents: s.slots.filter((slot) => slot.residentId !== null && slot.status !== 'noShow').length,
        interpreterName: interpreter.name ?? null,
        registerId: interpreter.registerId ?? null,
      };
      return [order];
    })
    .sort(
      (a, b) =>
        a.language.localeCompare(b.language, 'nb') || a.date.localeCompare(b.date) || a.start.localeCompare(b.start),
    );
}

/** Who was booked, as one text: name and register id, whichever are known ('' when neither). */
export function bookedInterpreter(order: Pick<InterpreterOrder, 'interpreterName' | 'registerId'>): string {
  return [order.interpreterName, order.registerId].filter(Boolean).join(', ');
}
