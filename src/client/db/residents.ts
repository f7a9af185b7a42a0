import { uuidv7 } from '../../domain/uuidv7.ts';
import type { ResidentFields, RosterFields } from '../../domain/resident.ts';
import type { KartleggDb, ResidentRow, RosterRow } from './database.ts';
import { recordChange } from './changes.ts';
import { readResidents } from './rosterSnapshot.ts';
import { byDeadline } from '../../domain/roster/rosterOrder.ts';

/** Adds a resident (with its outbox row, in one transaction) and returns its id. */
export async function addResident(
  db: KartleggDb,
  fields: ResidentFields & Partial<Pick<RosterFields, 'deadline'>>,
  now = Date.now(),
): Promise<string> {
  const id = uuidv7(now);
  await recordChange(db, 'resident', id, { ...fields }, { now });
  return id;
}

/**
 * The roster: residents not deleted, in the roster's order (by deadline, then name). Sorted in
 * memory, since names are sealed and no index can order them; read through the roster snapshot
 * (one decryption for all, stored in this order), so not inside a transaction.
 */
export async function listResidents(db: KartleggDb): Promise<RosterRow[]> {
  return (await readResidents(db)).filter((r) => !r.deleted).sort(byDeadline);
}

/** One resident as stored here (tombstones too), or undefined. */
export function getResident(db: KartleggDb, id: string): Promise<ResidentRow | undefined> {
  return db.residents.get(id);
}

/** The stored residents among `ids` (tombstones too), by id. */
export async function residentsByIds(db: KartleggDb, ids: Iterable<string>): Promise<Map<string, ResidentRow>> {
  const list = [...new Set(ids)];
  const rows = await db.residents.bulkGet(list);
  return new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
}
