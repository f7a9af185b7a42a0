import { openDatabase, type KartleggDb } from './database.ts';

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

export type { KartleggDb, OutboxRow, ResidentRow } from './database.ts';
export { addResident, listResidents } from './residents.ts';
export { acknowledge, countPending, countRejected, pendingBatch, unsyncedEntityIds } from './outbox.ts';
export { forgetSession, loadSession, saveSession, type StoredSession } from './session.ts';
export { getMeta, setMeta } from './meta.ts';
export { observe } from './observe.ts';
