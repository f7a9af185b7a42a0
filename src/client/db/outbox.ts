import type { MutationResult } from '../../protocol/sync.ts';
import { tableOf, type KartleggDb, type OutboxRow } from './database.ts';

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

export function rejectedRows(db: KartleggDb): Promise<OutboxRow[]> {
  return db.outbox.where('status').equals('rejected').sortBy('clientSeq');
}

/** Every row the server has not accepted, oldest first: what an export of unsynced changes holds. */
export function unsyncedRows(db: KartleggDb): Promise<OutboxRow[]> {
  return db.outbox.orderBy('clientSeq').toArray();
}

/** Ids of records with changes not yet accepted by the server. */
export async function unsyncedEntityIds(db: KartleggDb): Promise<Set<string>> {
  // Keys of the entityId index only: after an import of 10,000 residents the outbox holds 10,000
  // rows, and reading them whole on every roster refresh would be slow.
  return new Set((await db.outbox.orderBy('entityId').uniqueKeys()).map(String));
}

/**
 * Applies the server's acknowledgements in one transaction: an applied mutation leaves the outbox
 * (the server has it) and its applied fields take the version the server stamped; a rejected one
 * stays, marked with the reason, for a person to handle.
 */
export async function acknowledge(db: KartleggDb, results: MutationResult[]): Promise<void> {
  await db.transaction('rw', db.outbox, db.residents, db.mappings, async () => {
    for (const r of results) {
      const row = await db.outbox.where('mutationId').equals(r.id).first();
      if (!row) continue;
      if (r.status === 'rejected') {
        await db.outbox.update(row.clientSeq, { status: 'rejected', reason: r.reason ?? 'unknown' });
        continue;
      }
      await db.outbox.delete(row.clientSeq);
      if (r.version !== undefined) await raiseVersions(db, row, r.version, new Set(r.conflicted));
    }
  });
}

async function raiseVersions(db: KartleggDb, row: OutboxRow, version: number, conflicted: Set<string>) {
  const table = tableOf(db, row.entity);
  const record = await table.get(row.entityId);
  if (!record) return;
  const versions = { ...record.versions };
  for (const field of Object.keys(row.changes)) {
    if (!conflicted.has(field)) versions[field] = Math.max(versions[field] ?? 0, version);
  }
  await table.update(row.entityId, { versions });
}
