import type { MutationResult } from '../../protocol/sync.ts';
import type { KartleggDb, OutboxRow } from './database.ts';

/** The oldest pending mutations, in clientSeq order. */
export function pendingBatch(db: KartleggDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals('pending').limit(limit).sortBy('clientSeq');
}

export function countPending(db: KartleggDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

export function countRejected(db: KartleggDb): Promise<number> {
  return db.outbox.where('status').equals('rejected').count();
}

/** Ids of records with changes not yet accepted by the server. */
export async function unsyncedEntityIds(db: KartleggDb): Promise<Set<string>> {
  return new Set((await db.outbox.toArray()).map((r) => r.entityId));
}

/**
 * Applies the server's acknowledgements in one transaction: an applied mutation leaves the outbox
 * (the server has it); a rejected one stays, marked with the reason, for a person to handle.
 */
export async function acknowledge(db: KartleggDb, results: MutationResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const r of results) {
      const row = await db.outbox.where('mutationId').equals(r.id).first();
      if (!row) continue;
      if (r.status === 'applied') await db.outbox.delete(row.clientSeq);
      else await db.outbox.update(row.clientSeq, { status: 'rejected', reason: r.reason ?? 'unknown' });
    }
  });
}
