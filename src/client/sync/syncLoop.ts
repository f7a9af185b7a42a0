/**
 * When to sync.
 *
 *        edit ──(debounce)──┐      online · visible · button · timer
 *                           ▼               │
 *   ┌────────────┐  trigger  ┌─────────┐ ◀──┘   ok, or another tab holds the lock
 *   │    idle    │ ────────▶ │ running │ ──────────────────────────▶ idle (timer: interval)
 *   └────────────┘           └─────────┘
 *         ▲                    │  │ ▲  trigger while running: run once more right after
 *         │                    │  └─┘
 *         │             failed ▼
 *   ┌───────────────┐  user action / online (resets the delay)
 *   │ backing off   │ ─────────────────────────────▶ running
 *   │ timer: 5 s·2ⁿ │  timer ──────────────────────▶ running
 *   │  (≤ 5 min)    │
 *   └───────────────┘
 *
 * Invariants: at most one run at a time in this tab, and in all tabs together when the lock is Web
 * Locks (another tab's run is as good as ours: the database is shared); a trigger during a run is
 * never lost; a failure never stops the loop, it only waits longer.
 */
export interface SyncLoop {
  /** Sync as soon as possible. `user: true` (button, sign-in) also resets the back-off. */
  now(options?: { user?: boolean }): Promise<void>;
  /** Sync after a quiet moment (after an edit). */
  soon(): void;
  stop(): void;
}

export interface SyncLoopOptions {
  debounceMs?: number;
  intervalMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Runs `fn` unless another holder (tab) has the lock; resolves false when skipped. */
  lock?: (fn: () => Promise<void>) => Promise<boolean>;
}

/** `run` resolves true when the sync succeeded and false when it failed (it must not throw). */
export function startSyncLoop(
  run: () => Promise<boolean>,
  {
    debounceMs = 1500,
    intervalMs = 60_000,
    backoffBaseMs = 5_000,
    backoffMaxMs = 300_000,
    lock = webLock,
  }: SyncLoopOptions = {},
): SyncLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    if (stopped) return;
    const delay = failures === 0 ? intervalMs : Math.min(backoffMaxMs, backoffBaseMs * 2 ** (failures - 1));
    timer = setTimeout(() => void now(), delay);
  };

  const runOnce = async () => {
    let ok = true;
    await lock(async () => {
      ok = await run();
    });
    failures = ok ? 0 : failures + 1;
  };

  const now = ({ user = false } = {}): Promise<void> => {
    if (user) failures = 0;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again && !stopped);
      } finally {
        running = null;
        schedule();
      }
    })();
    return running;
  };
  const soon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void now(), debounceMs);
  };
  const onOnline = () => void now({ user: true });
  const onVisible = () => {
    if (document.visibilityState === 'visible') void now();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  schedule();
  return {
    now,
    soon,
    stop() {
      stopped = true;
      clearTimeout(debounce);
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

/** One sync across all tabs of this origin; without Web Locks (old browsers, Node) just this tab. */
async function webLock(fn: () => Promise<void>): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) {
    await fn();
    return true;
  }
  return locks.request('kartlegg-sync', { ifAvailable: true }, async (held) => {
    if (!held) return false;
    await fn();
    return true;
  });
}
