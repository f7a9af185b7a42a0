import type { StoredSession } from '../../db/index.ts';
import { loadKeyring } from '../../crypto/keyringStore.ts';
import { isOnlineOnly } from '../../../protocol/onlineOnly.ts';

/**
 * A flag (no personal data) that says a session is stored in IndexedDB. Without it the sign-in
 * screen paints at once and the database code (Dexie) is never fetched on the critical path.
 */
const HINT_KEY = 'kartlegg.signedIn';

/**
 * Who is signed in on this tablet, and whether its data is open:
 * - `signedOut`: the sign-in screen (no keyring, no database);
 * - `choosePin`: signed in (just now, or on a tablet from before encryption) but without a data key yet;
 * - `locked`: signed in, data sealed: the PIN opens it (at every start, after idle, after a long hide);
 * - `loading`: opening the database after the PIN;
 * - `signedIn`: the database is open and `current` is the session.
 * The database is opened only after the PIN, so the sign-in and PIN screens never load Dexie.
 * An online-only role (`mottak`, src/protocol/onlineOnly.ts) goes from `signedOut` straight to
 * `signedIn`: its session is only in memory (no hint, no PIN, no database), so a reload signs it out.
 */
type Status = 'loading' | 'signedOut' | 'choosePin' | 'locked' | 'signedIn';

class SessionState {
  status = $state<Status>(initialStatus());
  current = $state<StoredSession | null>(null);
  /** A session just signed in, held in memory until the PIN that seals it is chosen. */
  pending: StoredSession | null = null;

  set(session: StoredSession | null): void {
    this.current = session;
    this.pending = null;
    this.status = session ? 'signedIn' : 'signedOut';
    if (session && !isOnlineOnly(session.user.role)) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  }

  /** A fresh sign-in: the session waits for a PIN. */
  awaitPin(session: StoredSession): void {
    this.pending = session;
    this.status = 'choosePin';
  }

  /** The data was closed and the key dropped (auto-lock): only the PIN opens it again. */
  locked(): void {
    this.current = null;
    this.status = 'locked';
  }
}

function initialStatus(): Status {
  if (localStorage.getItem(HINT_KEY) !== '1') return 'signedOut';
  return loadKeyring() ? 'locked' : 'choosePin';
}

export const session = new SessionState();
