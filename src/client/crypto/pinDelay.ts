/**
 * Escalating waits after wrong PINs, kept in localStorage so a reload does not reset them. After
 * FREE_TRIES wrong PINs in a row the next try must wait DELAYS_S[0]; each further wrong PIN waits the
 * next delay. A couple of typos cost nothing.
 * This slows a person guessing at the tablet; it cannot slow a copy of the storage, which is what the
 * 600,000 PBKDF2 iterations are for (docs/security.md).
 */
const KEY = 'kartlegg.pinFailures';
const FREE_TRIES = 3;
/** Seconds to wait after the 3rd, 4th, … wrong PIN in a row; the last repeats. */
const DELAYS_S = [30, 60, 120, 300, 900] as const;

interface Failures {
  count: number;
  /** Device time of the last wrong PIN. */
  at: number;
}

const NONE: Readonly<Failures> = Object.freeze({ count: 0, at: 0 });

function read(): Failures {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '') as Failures;
    return typeof parsed.count === 'number' && typeof parsed.at === 'number' ? parsed : NONE;
  } catch {
    return NONE;
  }
}

/** Seconds to wait before the next try (0: try now). */
export function waitSeconds(now = Date.now()): number {
  const { count, at } = read();
  if (count < FREE_TRIES) return 0;
  const delay = DELAYS_S[Math.min(count - FREE_TRIES, DELAYS_S.length - 1)]!;
  // A clock set back must not make the wait endless: never more than the delay itself.
  return Math.min(delay, Math.max(0, Math.ceil((at + delay * 1000 - now) / 1000)));
}

export function recordWrongPin(now = Date.now()): void {
  localStorage.setItem(KEY, JSON.stringify({ count: read().count + 1, at: now }));
}

export function clearWrongPins(): void {
  localStorage.removeItem(KEY);
}
