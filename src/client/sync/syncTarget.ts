import type { KartleggDb } from '../db/index.ts';
import type { ApiRequester } from '../net/api.ts';

/** What one sync run works on: a local database, the current sign-in, and a way to reach the server. */
export interface SyncTarget {
  db: KartleggDb;
  session: { token: string; deviceId: string };
  api: ApiRequester;
  /** Told how far a run has come, for a progress bar. */
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncProgress {
  phase: 'push' | 'pull';
  done: number;
  /** Known for a push (the outbox size at the start); unknown for a pull. */
  total: number | null;
}
