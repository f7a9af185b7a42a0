import type { Place, Session } from './model.ts';

/**
 * Places and planned sessions as the municipality keeps them (synced records, src/protocol/entities.ts).
 * The planner's `Session` is a proposal; a `PlannedSession` is one the mapper accepted: it carries
 * attendance and locks, and an interpreter's name or register id once booked. Distances and bus
 * tickets are not stored: they follow from the places (a moved place moves every travel note).
 */

/** The planner's `Place` as stored: an address may be cleared (null), and a place deleted. */
export type PlaceRecord = Omit<Place, 'address'> & { address: string | null; deleted?: boolean };

/** A session's slots travel as one synced field (at most 4 KB): a working day of 15-minute slots. */
export const MAX_SESSION_SLOTS = 32;

export const SLOT_STATUSES = ['planned', 'attended', 'noShow'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

// Type aliases, not interfaces: a slot and an interpreter are JSON values to the sync code.
export type SessionSlot = {
  start: string;
  end: string;
  /** null: a free slot inside the booking (the interpreter waits, or someone may be moved in). */
  residentId: string | null;
  status: SlotStatus;
  /** Kept where it is: planning again and moving leave it alone. */
  locked: boolean;
};

/** The planner's interpreter order, and who interprets once the interpreter service has booked someone. */
export type SessionInterpreter = NonNullable<Session['interpreter']> & {
  name?: string | null;
  registerId?: string | null;
};

/** The planner's `Session` as accepted: no planner window, and slots with attendance and locks. */
export type PlannedSession = Omit<Session, 'windowId' | 'interpreter' | 'slots'> & {
  /** null: no interpreter; mapper and residents share `language`. */
  interpreter: SessionInterpreter | null;
  slots: SessionSlot[];
  deleted?: boolean;
};

/** Residents in a slot still `planned` of a session not deleted. */
export function residentsWithPlannedSlot(sessions: readonly PlannedSession[]): Set<string> {
  const ids = new Set<string>();
  for (const s of sessions) {
    if (s.deleted) continue;
    for (const slot of s.slots) if (slot.residentId !== null && slot.status === 'planned') ids.add(slot.residentId);
  }
  return ids;
}

/**
 * Finds a reception centre by the name the NIR lists give it (case and surrounding spaces ignored):
 * the roster holds a centre's name, the planner needs its place.
 */
export function centreFinder(
  places: readonly PlaceRecord[],
): (name: string | null | undefined) => PlaceRecord | undefined {
  const centres = new Map(
    places.filter((p) => !p.deleted && p.kind === 'receptionCentre').map((p) => [centreKey(p.name), p]),
  );
  return (name) => (name ? centres.get(centreKey(name)) : undefined);
}

/**
 * A centre's name as it is compared: case and surrounding spaces ignored. One rule for matching a
 * resident to a place and a `mottak` user to their centre, so the two never disagree.
 */
export function centreKey(name: string): string {
  return name.trim().toLocaleLowerCase('nb');
}
