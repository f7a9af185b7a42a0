import type { StoredSession } from '../../db/index.ts';

/**
 * A flag (no personal data) that says a session is stored in IndexedDB. Without it the sign-in
 * screen paints at once and the database code (Dexie) is never fetched on the critical path.
 */
const HINT_KEY = 'kartlegg.signedIn';

/** Who is signed in on this tablet. */
class SessionState {
  status = $state<'loading' | 'signedOut' | 'signedIn'>(
    localStorage.getItem(HINT_KEY) === '1' ? 'loading' : 'signedOut',
  );
  current = $state<StoredSession | null>(null);

  async load(): Promise<void> {
    if (this.status !== 'loading') return;
    const { database, loadSession } = await import('../../db/index.ts');
    this.set((await loadSession(database())) ?? null);
  }

  set(session: StoredSession | null): void {
    this.current = session;
    this.status = session ? 'signedIn' : 'signedOut';
    if (session) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  }
}

export const session = new SessionState();
