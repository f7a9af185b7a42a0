import type { Role } from './auth.ts';

/**
 * A role that may read no synced record (src/protocol/permissions.ts: `mottak`) keeps nothing on the
 * device: no PIN, no local database, no sync (its pull would be refused). Its session lives in memory
 * and its screens ask the server, so they need the network. Kept apart from permissions.ts so the
 * sign-in page can ask without loading the record schemas; tests/unit/onlineOnly.test.ts holds the
 * two in step.
 */
export function isOnlineOnly(role: Role | (string & {})): boolean {
  return role === 'mottak';
}
