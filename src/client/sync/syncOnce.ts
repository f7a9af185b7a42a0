import { setMeta } from '../db/index.ts';
import { purgeFinished } from '../db/purge.ts';
import { pullChanges } from './pull.ts';
import { pushPending } from './push.ts';
import type { SyncTarget } from './syncTarget.ts';

/**
 * One sync run: push the whole outbox, then pull until up to date, then remove the residents that are
 * finished, synced and past the municipality's purge days (docs/retention.md). Errors propagate to the loop.
 */
export async function syncOnce(target: SyncTarget): Promise<{ pushed: number; pulled: number }> {
  const pushed = await pushPending(target);
  const pulled = await pullChanges(target);
  await purgeFinished(target.db);
  await setMeta(target.db, 'lastSyncAt', Date.now());
  return { pushed, pulled };
}
