import { tick } from 'svelte';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../protocol/settings.ts';
import type { LOCK_REASONS } from '../../../protocol/auditEvents.ts';
import { database, getMeta } from '../../db/index.ts';
import { noteAuditEvent } from '../noteAuditEvent.ts';
import { watchIdle } from './idleWatch.ts';
import { session } from './session.svelte.ts';

/**
 * Locks the app after the municipality's idle minutes (autoLockMinutes, synced with the settings) and
 * when it comes back after being hidden for more than a minute. Locking unmounts every screen, then
 * closes the database and drops the key: every edit was committed before the screen said saved, so
 * only input not yet saved (a half-typed new resident) is gone.
 */
export function startAutoLock(): () => void {
  let minutes = DEFAULT_AUTO_LOCK_MINUTES;
  void getMeta(database(), 'autoLockMinutes').then(
    (stored) => (minutes = stored ?? minutes),
    () => undefined,
  );
  return watchIdle(
    () => minutes,
    (reason) => void lockNow(reason),
  );
}

/**
 * Locks now (the header's button, idle, hidden, resident mode left): the screens go first, then the
 * audit event is written (while the key is still there to seal it), then the data and the key go.
 */
export async function lockNow(reason: (typeof LOCK_REASONS)[number]): Promise<void> {
  if (session.status !== 'signedIn') return;
  session.locked();
  await noteAuditEvent({ action: 'app_locked', detail: { reason } });
  await tick();
  const { lock } = await import('../../auth/localKey.ts');
  lock();
}
