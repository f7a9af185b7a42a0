import { uuidv7 } from '../../domain/uuidv7.ts';
import type { DeviceAuditEventInput } from '../../protocol/auditEvents.ts';
import type { AuditEventRow, KartleggDb } from './database.ts';

/**
 * The tablet's own audit events (exports, prints, opened mappings, unlocks), kept sealed in
 * IndexedDB until the server has acknowledged them (src/client/sync/pushAuditEvents.ts). Codes,
 * counts and record ids only: the protocol's shapes (src/protocol/auditEvents.ts) allow nothing else.
 */
export async function recordAuditEvent(
  db: KartleggDb,
  event: DeviceAuditEventInput,
  now = Date.now(),
): Promise<AuditEventRow> {
  const row = { ...event, id: uuidv7(now), at: now } as AuditEventRow;
  await db.auditEvents.add(row);
  return row;
}

/** The oldest events not yet acknowledged, in the order they happened (UUIDv7 keys sort by time). */
export function pendingAuditEvents(db: KartleggDb, limit: number): Promise<AuditEventRow[]> {
  return db.auditEvents.orderBy('id').limit(limit).toArray();
}

/** Events not yet sent (the key is in clear: counting needs no data key). */
export function countAuditEvents(db: KartleggDb): Promise<number> {
  return db.auditEvents.count();
}

/** Forgets the events the server acknowledged: only those, so an event recorded meanwhile stays. */
export async function removeAuditEvents(db: KartleggDb, ids: readonly string[]): Promise<void> {
  await db.auditEvents.bulkDelete([...ids]);
}
