import type { StoredSession } from '../../db/index.ts';

/**
 * Who is signed in on this tablet. Kept off the critical path: the database code loads lazily,
 * so the sign-in screen paints before Dexie is even fetched.
 */
class SessionState {
  status = $state<'loading' | 'signedOut' | 'signedIn'>('loading');
  current = $state<StoredSession | null>(null);

  async load(): Promise<void> {
    const { database, loadSession } = await import('../../db/index.ts');
    this.set((await loadSession(database())) ?? null);
  }

  set(session: StoredSession | null): void {
    this.current = session;
    this.status = session ? 'signedIn' : 'signedOut';
  }
}

export const session = new SessionState();
