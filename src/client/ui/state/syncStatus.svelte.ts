import { countPending, countRejected, database, getMeta, observe } from '../../db/index.ts';
import { ApiRequestError } from '../../net/api.ts';
import { pushPending } from '../../sync/push.ts';
import { startSyncLoop, type SyncLoop } from '../../sync/syncLoop.ts';
import { session } from './session.svelte.ts';

export type SyncErrorCode = 'offline' | 'unauthorized' | 'protocol_unsupported' | 'server';

/** What the sync indicator and the storage panel show. */
class SyncStatus {
  pending = $state(0);
  rejected = $state(0);
  lastSyncAt = $state<number | null>(null);
  busy = $state(false);
  error = $state<SyncErrorCode | null>(null);
  #loop: SyncLoop | null = null;
  #stopObserving: (() => void) | null = null;

  start(): void {
    if (this.#loop) return;
    const db = database();
    this.#stopObserving = observe(
      db,
      async (d) => ({
        pending: await countPending(d),
        rejected: await countRejected(d),
        last: await getMeta(d, 'lastSyncAt'),
      }),
      (v) => {
        this.pending = v.pending;
        this.rejected = v.rejected;
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

  syncNow(): Promise<void> {
    return this.#loop?.now() ?? Promise.resolve();
  }

  async #runOnce(): Promise<void> {
    const current = session.current;
    if (!current) return;
    this.busy = true;
    try {
      await pushPending(database(), current);
      this.error = null;
    } catch (err) {
      this.error = classify(err);
    } finally {
      this.busy = false;
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
