import { database, deleteLocalDatabase, type StoredSession } from '../db/index.ts';
import { apiRequest, apiResponse } from '../net/api.ts';
import { pushAuditEvents } from '../sync/pushAuditEvents.ts';

/** How long the wipe waits for the tablet's own audit events to go: a slow network must not hold it up. */
const EVENTS_WAIT_MS = 10_000;

/**
 * Carries out a remote wipe: sends the tablet's own audit events not yet sent (the server takes them
 * from a device ordered emptied: they are the record of what it did before it was lost), deletes the
 * whole local database — records, answers, the outbox, the session — and then tells the server, which
 * records it and revokes this device's token. The user was told first (the screen shows the wipe, not
 * the data). Unsynced changes go too: the administrator orders this for a tablet that is lost, where
 * keeping them would be the breach.
 */
export async function wipeDevice(session: StoredSession): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, EVENTS_WAIT_MS)));
  // Best effort: a failure or the time limit leaves them, and they go with the database.
  await Promise.race([pushAuditEvents({ db: database(), session, api: apiRequest }).catch(() => 0), waited]);
  clearTimeout(timer);
  await deleteLocalDatabase();
  // Best effort: offline, the server keeps asking at the next contact, and the token is useless
  // without the database it was stored in.
  await apiResponse('auth/wiped', { method: 'POST', token: session.token }).catch(() => undefined);
}
