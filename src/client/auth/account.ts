import { ChangePasswordResponse, LoginResponse } from '../../protocol/auth.ts';
import { isOnlineOnly } from '../../protocol/onlineOnly.ts';
import { isUnlocked } from '../crypto/dataKey.ts';
import { countAuditEvents, database, deleteLocalDatabase, saveSession, type StoredSession } from '../db/index.ts';
import { apiRequest } from '../net/api.ts';
import { pushAuditEvents } from '../sync/pushAuditEvents.ts';

/** Signing in again (after a 401) reached another user's account: the session was left as it was. */
export class OtherUserError extends Error {
  readonly code = 'other_user';
}

/**
 * Signs in and enrols this device; the token is kept in IndexedDB so the app works offline after.
 * While the tablet has no data key (a first sign-in) the session is only returned: it is stored once
 * the mapper has chosen a PIN (localKey.choosePin), sealed like every row.
 * `sameUserAs` (signing in again with unsynced changes) refuses to store a session of any other user:
 * the unsynced changes were made by that user and must be sent under their name.
 */
export async function signIn(
  username: string,
  password: string,
  { sameUserAs }: { sameUserAs?: string } = {},
): Promise<StoredSession> {
  const response = await apiRequest('auth/login', LoginResponse, {
    method: 'POST',
    body: { username, password, deviceLabel: navigator.userAgent.slice(0, 200) },
  });
  if (sameUserAs !== undefined && response.user.id !== sameUserAs) {
    // The other user's new device token is not kept: revoke it.
    await revoke(response.token);
    throw new OtherUserError('another user');
  }
  const session: StoredSession = {
    token: response.token,
    deviceId: response.deviceId,
    user: response.user,
    username,
    mustChangePassword: response.mustChangePassword,
  };
  if (isUnlocked() && !isOnlineOnly(session.user.role)) await saveSession(database(), session);
  return session;
}

/** What kept the tablet signed in: unsynced changes, or its own audit events not yet sent. */
export interface SignOutBlock {
  reason: 'changes' | 'events';
  count: number;
}

/**
 * Signs out only when the outbox is empty (nothing pending, nothing rejected and waiting for a
 * person): unsynced data is never wiped. The tablet's own audit events are sent first, and it stays
 * signed in while any could not be (offline): deleting the database would lose them. The server is
 * told to revoke the token when it can be reached; locally the whole database and its keyring go:
 * the next person chooses their own PIN. Returns what blocked it (null = signed out).
 */
export async function signOut(session: StoredSession): Promise<SignOutBlock | null> {
  const db = database();
  const unsynced = await db.outbox.count();
  if (unsynced > 0) return { reason: 'changes', count: unsynced };
  await pushAuditEvents({ db, session, api: apiRequest }).catch(() => 0);
  const events = await countAuditEvents(db);
  if (events > 0) return { reason: 'events', count: events };
  await revoke(session.token);
  await deleteLocalDatabase();
  return null;
}

/** Sets a new password (required after a one-time password) and records that on the device. */
export async function changePassword(session: StoredSession, currentPassword: string, newPassword: string) {
  await apiRequest('auth/password', ChangePasswordResponse, {
    method: 'POST',
    body: { currentPassword, newPassword },
    token: session.token,
  });
  const updated: StoredSession = { ...session, mustChangePassword: false };
  if (!isOnlineOnly(session.user.role)) await saveSession(database(), updated);
  return updated;
}

/** Signs out an online-only role (a reception centre): nothing is stored, so only the token goes. */
export async function signOutOnline(session: StoredSession): Promise<void> {
  await revoke(session.token);
}

/** Asks the server to revoke a device token; best effort (offline, it simply expires unused). */
async function revoke(token: string): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
    () => undefined,
  );
}
