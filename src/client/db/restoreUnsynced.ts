import type { OpenedExport } from '../crypto/openExport.ts';
import { SYNCED_TABLES, tableOf, type KartleggDb, type OutboxRow } from './database.ts';
import { nextClientSeq } from './meta.ts';
import { valuesOf } from './rejected.ts';

export interface RestoreResult {
  /** Mutations put into the outbox now. */
  queued: number;
  /** Mutations whose id the outbox already held (the file was opened here before, or made here). */
  alreadyQueued: number;
}

/**
 * Puts an opened export's mutations back into this tablet's outbox, in ONE transaction: all or nothing.
 *
 * Each keeps its mutation id and takes a fresh clientSeq of this database's stream. The id is the
 * server's idempotency key: a change the server already applied is never applied a second time (to
 * the same user, on any client, the stored result comes back and nothing changes). A mutation whose
 * id is already in the outbox is skipped, so opening the same file twice queues nothing more.
 *
 * Each record gets the mutation's values over the tablet's copy (or the exported copy, when the tablet
 * has none), as recordChange writes them, so the screens show what waits to sync. A rejected mutation
 * stays rejected, with its reason, for the needs-attention screen.
 */
export async function restoreUnsynced(db: KartleggDb, opened: OpenedExport, now = Date.now()): Promise<RestoreResult> {
  const exported = new Map(opened.records.map(({ record }) => [record.id, record]));
  return db.transaction('rw', [...SYNCED_TABLES, 'outbox', 'meta'], async () => {
    const result: RestoreResult = { queued: 0, alreadyQueued: 0 };
    for (const m of opened.mutations) {
      if (await db.outbox.where('mutationId').equals(m.mutationId).count()) {
        result.alreadyQueued++;
        continue;
      }
      const table = tableOf(db, m.entity);
      const base = (await table.get(m.entityId)) ?? exported.get(m.entityId) ?? { id: m.entityId, versions: {} };
      await table.put({ ...base, ...valuesOf(m), id: m.entityId, versions: base.versions ?? {}, updatedAt: now });
      const row: OutboxRow = { ...m, clientSeq: await nextClientSeq(db) };
      await db.outbox.add(row);
      result.queued++;
    }
    return result;
  });
}
