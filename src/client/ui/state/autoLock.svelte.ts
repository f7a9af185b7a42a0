import { tick } from 'svelte';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../../protocol/settings.ts';
import type { LOCK_REASONS } from '../../../protocol/auditEvents.ts';
import { database, getMeta } from '../../db/index.ts';
import { noteAuditEvent } from '../noteAuditEvent.ts';
import { session } from './session.svelte.ts';

/** Hidden (another app, the screen off) for longer than this locks on return, whatever the idle time. */
export const HIDDEN_LOCK_MS = 60_000;
const CHECK_MS = 5_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/**
 * Locks the app after the municipality's idle minutes (autoLockMinutes, synced with the settings) and
 * when it comes back after being hidden for more than a minute. Locking unmounts every screen, then
 * closes the database and drops the key: every edit was committed before the screen said saved, so
 * only input not yet saved (a half-typed new resident) is gone.
 */
export function startAutoLock(): () => void {
  let lastActivity = Date.now();
  let hiddenAt: number | null = null;
  let minutes = DEFAULT_AUTO_LOCK_MINUTES;
  void getMeta(database(), 'autoLockMinutes').then(
    (stored) => (minutes = stored ?? minutes),
    () => undefined,
  );
  const active = () => (lastActivity = Date.now());
  const visibility = () => {
    if (document.visibilityState === 'hidden') hiddenAt = Date.now();
    else {
      if (hiddenAt !== null && Date.now() - hiddenAt > HIDDEN_LOCK_MS) void lockNow('hidden');
      hiddenAt = null;
      active();
    }
  };
  const timer = setInterval(() => {
    if (Date.now() - lastActivity >= minutes * 60_000) void lockNow('idle');
  }, CHECK_MS);
  for (const e of ACTIVITY) document.addEventListener(e, active, { passive: true, capture: true });
  document.addEventListener('visibilitychange', visibility);
  return () => {
    clearInterval(timer);
    for (const e of ACTIVITY) document.removeEventListener(e, active, { capture: true });
    document.removeEventListener('visibilitychange', visibility);
  };
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
