import { SYNCED_TABLES, tableOf, type KartleggDb, type OutboxRow, type SyncedRow } from './database.ts';
import { getMeta } from './meta.ts';
import type { Entity } from '../../protocol/entities.ts';

/**
 * What an export of unsynced changes holds: the outbox rows (every one the server has not accepted,
 * pending and rejected, with their base versions and conflict resolutions) and the local copy of
 * each record they concern, so that nothing a mapper typed depends on this tablet alone.
 *
 * TODO(issue 8): the export holds personal data in the clear; issue 8 encrypts it.
 */
export interface UnsyncedExport {
  kind: 'kartlegg-unsynced-changes';
  formatVersion: 1;
  exportedAt: string;
  clientId: string | null;
  mutations: OutboxRow[];
  records: { entity: Entity; record: SyncedRow }[];
}

/** The export of every unsynced row, or of the rows with the given clientSeqs. Read in one transaction. */
export async function unsyncedExport(db: KartleggDb, clientSeqs?: number[], now = Date.now()): Promise<UnsyncedExport> {
  return db.transaction('r', [...SYNCED_TABLES, 'outbox', 'meta'], async () => {
    const all = await db.outbox.orderBy('clientSeq').toArray();
    const wanted = clientSeqs ? new Set(clientSeqs) : null;
    const mutations = wanted ? all.filter((r) => wanted.has(r.clientSeq)) : all;
    const records: UnsyncedExport['records'] = [];
    const seen = new Set<string>();
    for (const m of mutations) {
      if (seen.has(m.entityId)) continue;
      seen.add(m.entityId);
      const record = await tableOf(db, m.entity).get(m.entityId);
      if (record) records.push({ entity: m.entity, record });
    }
    return {
      kind: 'kartlegg-unsynced-changes',
      formatVersion: 1,
      exportedAt: new Date(now).toISOString(),
      clientId: (await getMeta(db, 'clientId')) ?? null,
      mutations,
      records,
    };
  });
}
