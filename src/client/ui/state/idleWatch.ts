/** Hidden (another app, the screen off) for longer than this counts as idle on return, whatever the idle time. */
export const HIDDEN_LOCK_MS = 60_000;
const CHECK_MS = 5_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export type IdleReason = 'idle' | 'hidden';

/**
 * Calls `onIdle` once `minutes()` have passed without a touch, key or scroll, and when the app comes
 * back after being hidden for more than a minute (a tablet left on a table, a phone put away).
 * Returns the function that stops watching.
 */
export function watchIdle(minutes: () => number, onIdle: (reason: IdleReason) => void): () => void {
  let lastActivity = Date.now();
  let hiddenAt: number | null = null;
  const active = () => (lastActivity = Date.now());
  const visibility = () => {
    if (document.visibilityState === 'hidden') hiddenAt = Date.now();
    else {
      if (hiddenAt !== null && Date.now() - hiddenAt > HIDDEN_LOCK_MS) onIdle('hidden');
      hiddenAt = null;
      active();
    }
  };
  const timer = setInterval(() => {
    if (Date.now() - lastActivity >= minutes() * 60_000) onIdle('idle');
  }, CHECK_MS);
  for (const e of ACTIVITY) document.addEventListener(e, active, { passive: true, capture: true });
  document.addEventListener('visibilitychange', visibility);
  return () => {
    clearInterval(timer);
    for (const e of ACTIVITY) document.removeEventListener(e, active, { capture: true });
    document.removeEventListener('visibilitychange', visibility);
  };
}
