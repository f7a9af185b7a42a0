/**
 * When to sync. The skeleton's loop; the sync issue adds Web Locks and backoff.
 *
 *            edit (debounced) / online / visible / timer / button
 *                              │
 *   ┌──────┐   trigger    ┌─────────┐   done / error   ┌──────┐
 *   │ idle │ ───────────▶ │ running │ ───────────────▶ │ idle │
 *   └──────┘              └─────────┘                  └──────┘
 *                           │  ▲ trigger while running: run once more right after
 *                           └──┘
 *
 * Invariant: at most one run at a time in this tab; a trigger during a run is never lost.
 */
export interface SyncLoop {
  /** Sync as soon as possible (button, online, visible). */
  now(): Promise<void>;
  /** Sync after a quiet moment (after an edit). */
  soon(): void;
  stop(): void;
}

export interface SyncLoopOptions {
  debounceMs?: number;
  intervalMs?: number;
}

export function startSyncLoop(
  run: () => Promise<void>,
  { debounceMs = 1500, intervalMs = 60_000 }: SyncLoopOptions = {},
): SyncLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const now = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const soon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => void now(), debounceMs);
  };
  const onOnline = () => void now();
  const onVisible = () => {
    if (document.visibilityState === 'visible') void now();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(() => void now(), intervalMs);
  return {
    now,
    soon,
    stop() {
      clearTimeout(debounce);
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
