import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import { PushResponse, type PushRequest } from '../../protocol/sync.ts';
import { acknowledge, pendingBatch, setMeta, type KartleggDb, type StoredSession } from '../db/index.ts';
import { apiRequest } from '../net/api.ts';

const BATCH_SIZE = 100;

/**
 * Sends pending outbox rows, oldest first, in batches until none is left.
 * A network or HTTP error stops the push and propagates; nothing is removed from the outbox
 * unless the server acknowledged it. Returns how many mutations the server acknowledged.
 */
export async function pushPending(db: KartleggDb, session: StoredSession): Promise<number> {
  let acknowledged = 0;
  for (;;) {
    const batch = await pendingBatch(db, BATCH_SIZE);
    if (batch.length === 0) break;
    const request: PushRequest = {
      protocol: PROTOCOL_VERSION,
      deviceId: session.deviceId,
      mutations: batch.map((row) => ({
        id: row.mutationId,
        clientSeq: row.clientSeq,
        entity: row.entity,
        entityId: row.entityId,
        op: row.op,
        fields: row.fields,
      })),
    };
    const response = await apiRequest('sync/push', PushResponse, {
      method: 'POST',
      body: request,
      token: session.token,
    });
    await acknowledge(db, response.results);
    acknowledged += response.results.length;
    // A server that acknowledged nothing would loop forever; stop and retry later instead.
    if (response.results.length === 0) break;
  }
  await setMeta(db, 'lastSyncAt', Date.now());
  return acknowledged;
}
