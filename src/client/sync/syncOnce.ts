import { setMeta } from '../db/index.ts';
import { purgeFinished } from '../db/purge.ts';
import { pullChanges } from './pull.ts';
import { pushPending } from './push.ts';
import { pushAuditEvents } from './pushAuditEvents.ts';
import type { SyncTarget } from './syncTarget.ts';

/**
 * One sync run: push the whole outbox, then the tablet's own audit events, then pull until up to
 * date, then remove the residents that are finished, synced and past the municipality's purge days
 * (docs/retention.md). Errors propagate to the loop. The events go before the pull so that a role
 * that may pull nothing (403) still sends them.
 */
export async function syncOnce(target: SyncTarget): Promise<{ pushed: number; events: number; pulled: number }> {
  const pushed = await pushPending(target);
  const events = await pushAuditEvents(target);
  const pulled = await pullChanges(target);
  await purgeFinished(target.db);
  await setMeta(target.db, 'lastSyncAt', Date.now());
  return { pushed, events, pulled };
}
