import { nextAppointment } from '../../domain/planning/appointment.ts';
import type { PlannedSession, SessionInterpreter, SessionSlot } from '../../domain/planning/records.ts';
import { recordChange, recordChanges } from './changes.ts';
import type { KartleggDb, PlannedSessionRow } from './database.ts';

/** The accepted sessions, not deleted, in time order. */
export async function listPlannedSessions(db: KartleggDb): Promise<PlannedSessionRow[]> {
  const rows = await db.plannedSessions.toArray();
  return rows.filter((s) => !s.deleted).sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/**
 * Stores an accepted proposal: every session and its outbox row in ONE transaction, all or nothing,
 * so the reception centre's list never shows half a plan.
 */
export async function acceptSessions(db: KartleggDb, sessions: readonly PlannedSession[]): Promise<void> {
  await recordChanges(
    db,
    'plannedSession',
    sessions.map(({ id, deleted: _deleted, ...values }) => ({ entityId: id, values: { ...values }, isNew: true })),
  );
}

/** New slots for sessions the mapper changed (a move, a lock, attendance), in one transaction. */
export async function updateSessionSlots(
  db: KartleggDb,
  changes: readonly { id: string; slots: readonly SessionSlot[] }[],
): Promise<void> {
  await recordChanges(
    db,
    'plannedSession',
    changes.map(({ id, slots }) => ({ entityId: id, values: { slots: slots.map((s) => ({ ...s })) } })),
  );
}

/** The interpreter booked for a session (name or register id), once the interpreter service answers. */
export async function setSessionInterpreter(
  db: KartleggDb,
  id: string,
  interpreter: SessionInterpreter,
): Promise<void> {
  await recordChange(db, 'plannedSession', id, { interpreter: { ...interpreter } });
}

/** A resident's next planned appointment (time and place), for the information screens. */
export async function appointmentOfResident(db: KartleggDb, residentId: string) {
  const [sessions, places] = await Promise.all([db.plannedSessions.toArray(), db.places.toArray()]);
  return nextAppointment(residentId, sessions, places);
}
