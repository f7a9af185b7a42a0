import {
  countOpenConflicts,
  countPending,
  countRejected,
  database,
  getMeta,
  observe,
  type StoredSession,
} from '../../db/index.ts';
import { apiRequest, ApiRequestError } from '../../net/api.ts';
import { syncOnce } from '../../sync/syncOnce.ts';
import { startSyncLoop, type SyncLoop } from '../../sync/syncLoop.ts';
import type { SyncProgress } from '../../sync/syncTarget.ts';
import { deviceWipe } from './deviceWipe.svelte.ts';
import { session } from './session.svelte.ts';
import { isOnlineOnly } from '../../../protocol/onlineOnly.ts';

export type SyncErrorCode = 'offline' | 'unauthorized' | 'protocol_unsupported' | 'server';

/** What the sync indicator, the storage panel and the conflict badges show. */
class SyncStatus {
  pending = $state(0);
  rejected = $state(0);
  openConflicts = $state(0);
  lastSyncAt = $state<number | null>(null);
  busy = $state(false);
  progress = $state<SyncProgress | null>(null);
  error = $state<SyncErrorCode | null>(null);
  #loop: SyncLoop | null = null;
  #stopObserving: (() => void) | null = null;

  start(): void {
    // A role that reads no records has no database and would only get 403 from pull: no loop at all.
    if (this.#loop || (session.current && isOnlineOnly(session.current.user.role))) return;
    const db = database();
    this.#stopObserving = observe(
      db,
      async (d) => ({
        pending: await countPending(d),
        rejected: await countRejected(d),
        conflicts: await countOpenConflicts(d),
        last: await getMeta(d, 'lastSyncAt'),
      }),
      (v) => {
        this.pending = v.pending;
        this.rejected = v.rejected;
        this.openConflicts = v.conflicts;
        this.lastSyncAt = v.last ?? null;
      },
    );
    this.#loop = startSyncLoop(() => this.#runOnce());
    void this.#loop.now();
  }

  stop(): void {
    this.#loop?.stop();
    this.#stopObserving?.();
    this.#stopObserving = null;
    this.#loop = null;
  }

  /** After a local edit. */
  changed(): void {
    this.#loop?.soon();
  }

  /** The button, or a fresh sign-in: also resets the back-off. */
  syncNow(): Promise<void> {
    return this.#loop?.now({ user: true }) ?? Promise.resolve();
  }

  /** An administrator ordered this tablet emptied: the screen says so, then everything local goes. */
  async #wipe(current: StoredSession): Promise<void> {
    deviceWipe.begin();
    this.stop();
    const { wipeDevice } = await import('../../auth/wipe.ts');
    await wipeDevice(current);
    deviceWipe.finish();
    session.set(null);
  }

  async #runOnce(): Promise<boolean> {
    const current = session.current;
    if (!current) return true;
    this.busy = true;
    try {
      await syncOnce({
        db: database(),
        session: current,
        api: apiRequest,
        onProgress: (p) => (this.progress = p),
      });
      this.error = null;
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'wipe_requested') {
        void this.#wipe(current);
        return true;
      }
      this.error = classify(err);
      return false;
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }
}

function classify(err: unknown): SyncErrorCode {
  if (!(err instanceof ApiRequestError)) return 'server';
  if (err.offline) return 'offline';
  if (err.status === 401 || err.status === 403) return 'unauthorized';
  if (err.code === 'protocol_unsupported') return 'protocol_unsupported';
  return 'server';
}

export const syncStatus = new SyncStatus();
