import { uuidv7 } from '../../domain/uuidv7.ts';
import type { ResidentFields, RosterFields } from '../../domain/resident.ts';
import type { KartleggDb, ResidentRow } from './database.ts';
import { recordChange } from './changes.ts';

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
 * The roster: residents not deleted, by family name. Sorted in memory: names are sealed, so no
 * index can order them; the comparison is by code unit, as IndexedDB's index ordered them before.
 */
export async function listResidents(db: KartleggDb): Promise<ResidentRow[]> {
  const rows = (await db.residents.toArray()).filter((r) => !r.deleted);
  const name = (r: ResidentRow) => r.familyName ?? '';
  return rows.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
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
