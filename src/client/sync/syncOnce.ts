import { setMeta } from '../db/index.ts';
import { pullChanges } from './pull.ts';
import { pushPending } from './push.ts';
import type { SyncTarget } from './syncTarget.ts';

/** One sync run: push the whole outbox, then pull until up to date. Errors propagate to the loop. */
export async function syncOnce(target: SyncTarget): Promise<{ pushed: number; pulled: number }> {
  const pushed = await pushPending(target);
  const pulled = await pullChanges(target);
  await setMeta(target.db, 'lastSyncAt', Date.now());
  return { pushed, pulled };
}
