import type { PlaceRecord } from '../../domain/planning/records.ts';
import { uuidv7 } from '../../domain/uuidv7.ts';
import { recordChange } from './changes.ts';
import type { KartleggDb, PlaceRow } from './database.ts';

/** The municipality's places, not deleted, by name. */
export async function listPlaces(db: KartleggDb): Promise<PlaceRow[]> {
  const rows = await db.places.toArray();
  return rows.filter((p) => !p.deleted).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export type PlaceValues = Omit<PlaceRecord, 'id' | 'deleted'>;

/** Adds a place (no id) or changes one; record and outbox row in one transaction. Returns the id. */
export async function savePlace(db: KartleggDb, values: PlaceValues, id: string = uuidv7()): Promise<string> {
  await recordChange(db, 'place', id, { ...values });
  return id;
}
