import { deleteLocalDatabase } from '../db/index.ts';
import { apiResponse } from '../net/api.ts';

/**
 * Carries out a remote wipe: deletes the whole local database — records, answers, the outbox and the
 * session — and then tells the server, which records it and revokes this device's token. The user was
 * told first (the screen shows the wipe, not the data). Unsynced changes go too: the administrator
 * orders this for a tablet that is lost, where keeping them would be the breach.
 */
export async function wipeDevice(token: string): Promise<void> {
  await deleteLocalDatabase();
  // Best effort: offline, the server keeps asking at the next contact, and the token is useless
  // without the database it was stored in.
  await apiResponse('auth/wiped', { method: 'POST', token }).catch(() => undefined);
}
