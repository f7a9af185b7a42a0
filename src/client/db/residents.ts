import { uuidv7 } from '../../domain/uuidv7.ts';
import type { ResidentFields } from '../../domain/resident.ts';
import type { KartleggDb, ResidentRow } from './database.ts';
import { nextClientSeq } from './meta.ts';

/**
 * Adds a resident. The record and its outbox row are written in ONE transaction: no edit exists
 * without its outbox row, and the promise resolves only after the commit (so "saved" is true).
 */
export async function addResident(db: KartleggDb, fields: ResidentFields, now = Date.now()): Promise<ResidentRow> {
  const row: ResidentRow = { id: uuidv7(now), ...fields, updatedAt: now };
  await db.transaction('rw', db.residents, db.outbox, db.meta, async () => {
    await db.residents.add(row);
    await db.outbox.add({
      clientSeq: await nextClientSeq(db),
      mutationId: uuidv7(now),
      entity: 'resident',
      entityId: row.id,
      op: 'upsert',
      fields: { ...fields },
      createdAt: now,
      status: 'pending',
    });
  });
  return row;
}

export function listResidents(db: KartleggDb): Promise<ResidentRow[]> {
  return db.residents.orderBy('familyName').toArray();
}
