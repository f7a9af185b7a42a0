import { clearDataKey } from '../crypto/dataKey.ts';
import { removeKeyring } from '../crypto/keyringStore.ts';
import { clearWrongPins } from '../crypto/pinDelay.ts';
import { Dexie } from 'dexie';
import { DB_NAME, openDatabase, type KartleggDb } from './database.ts';

let db: KartleggDb | undefined;

/** The app's one database connection, opened on first use. */
export function database(): KartleggDb {
  if (!db) {
    db = openDatabase();
    db.on('versionchange', () => {
      // A newer app version in another tab upgrades the schema: every edit is already committed,
      // so close and let the page reload into the new version.
      db?.close();
      window.dispatchEvent(new CustomEvent('kartlegg:db-upgraded'));
      return false;
    });
  }
  return db;
}

/** Closes the connection (the app locks); the next `database()` opens it again, with the key then set. */
export function closeLocalDatabase(): void {
  db?.close();
  db = undefined;
}

/**
 * Deletes this device's database outright (sign-out, remote wipe, forgotten PIN) and its keyring:
 * the next `database()` opens an empty one, after a new PIN.
 */
export async function deleteLocalDatabase(): Promise<void> {
  closeLocalDatabase();
  // The key dies with the data it sealed: the next database gets a new one, under a new PIN.
  clearDataKey();
  // Deleting needs no key and no open connection.
  await Dexie.delete(DB_NAME);
  removeKeyring();
  clearWrongPins();
}

export type { ConflictRow, KartleggDb, MappingRow, OutboxRow, ResidentRow, RosterRow, SyncedRow } from './database.ts';
export { tableOf } from './database.ts';
export { recordChange, recordChanges, InvalidChangeError, type BulkChange } from './changes.ts';
export { addResident, getResident, listResidents, residentsByIds } from './residents.ts';
export { countOpenConflicts, openConflictEntityIds, openConflicts, resolveConflict } from './conflicts.ts';
export { RejectedRowGoneError, replaceRejected, resendRejected, valuesOf } from './rejected.ts';
export { restoreUnsynced, type RestoreResult } from './restoreUnsynced.ts';
export {
  acknowledge,
  countPending,
  countRejected,
  pendingBatch,
  rejectedRows,
  unsyncedEntityIds,
  unsyncedRows,
} from './outbox.ts';
export { forgetSession, loadSession, saveSession, type StoredSession } from './session.ts';
export { clientId, getMeta, setMeta } from './meta.ts';
export { observe } from './observe.ts';
export { mappingFacts, mappingOfResident, openOrStartMapping, type MappingFacts } from './mappings.ts';
export { scheduledResidentIds } from './sessions.ts';
export { listPlaces, savePlace, type PlaceValues } from './places.ts';
export {
  acceptSessions,
  appointmentOfResident,
  listPlannedSessions,
  setSessionInterpreter,
  updateSessionSlots,
} from './plannedSessions.ts';
export type { AuditEventRow, PlaceRow, PlannedSessionRow } from './database.ts';
export { countAuditEvents, recordAuditEvent } from './auditEvents.ts';
