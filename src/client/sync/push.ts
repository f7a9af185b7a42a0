import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import { PushResponse, type Mutation, type PushRequest } from '../../protocol/sync.ts';
import { acknowledge, clientId, countPending, pendingBatch, type OutboxRow } from '../db/index.ts';
import type { SyncTarget } from './syncTarget.ts';

const BATCH_SIZE = 100;

/**
 * Sends pending outbox rows, oldest first, in batches until none is left.
 * A network or HTTP error stops the push and propagates; nothing leaves the outbox unless the
 * server acknowledged it. Returns how many mutations the server acknowledged.
 */
export async function pushPending({ db, session, api, onProgress }: SyncTarget): Promise<number> {
  const client = await clientId(db);
  const total = await countPending(db);
  let acknowledged = 0;
  for (;;) {
    const batch = await pendingBatch(db, BATCH_SIZE);
    if (batch.length === 0) break;
    onProgress?.({ phase: 'push', done: acknowledged, total });
    const request: PushRequest = {
      protocol: PROTOCOL_VERSION,
      deviceId: session.deviceId,
      clientId: client,
      mutations: batch.map(toMutation),
    };
    const response = await api('sync/push', PushResponse, { method: 'POST', body: request, token: session.token });
    await acknowledge(db, response.results);
    acknowledged += response.results.length;
    // A server that acknowledged nothing would loop forever; stop and retry later instead.
    if (response.results.length === 0) break;
  }
  return acknowledged;
}

export function toMutation(row: OutboxRow): Mutation {
  return {
    id: row.mutationId,
    clientSeq: row.clientSeq,
    entity: row.entity,
    entityId: row.entityId,
    changes: row.changes,
    ...(row.resolves ? { resolves: row.resolves } : {}),
  };
}
