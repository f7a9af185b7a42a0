import { uuidv7 } from '../../domain/uuidv7.ts';
import type { MappingStatus } from '../../domain/form/status.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { recordChange } from './changes.ts';
import type { KartleggDb, MappingRow } from './database.ts';

/**
 * The value of a mapping's `status` answer (src/domain/form/status.ts) for a finished mapping.
 * Spelled out with only its type imported: the roster's chunk must not carry the form definition.
 */
export const COMPLETE_STATUS: MappingStatus = 'complete';

/**
 * What the roster needs to know of the mappings: who has one at all, and who has a completed one.
 * A mapping's `status` is one of its answer fields (the form's status question).
 */
export interface MappingFacts {
  /** Residents with any mapping that is not deleted: never removed by an import. */
  withMapping: Set<string>;
  /** Residents with a completed mapping: the "mapped" working list. */
  mapped: Set<string>;
}

export async function mappingFacts(db: KartleggDb): Promise<MappingFacts> {
  const rows: MappingRow[] = await db.mappings.toArray();
  const withMapping = new Set<string>();
  const mapped = new Set<string>();
  for (const row of rows) {
    if (row.deleted || typeof row.residentId !== 'string') continue;
    withMapping.add(row.residentId);
    if (row.status === COMPLETE_STATUS) mapped.add(row.residentId);
  }
  return { withMapping, mapped };
}

/**
 * A resident's mapping: one per resident. Should two tablets each have started one offline, both
 * sync and the oldest (UUIDv7 ids sort by creation) is the one shown.
 */
export async function mappingOfResident(db: KartleggDb, residentId: string): Promise<MappingRow | undefined> {
  const rows = await db.mappings.where('residentId').equals(residentId).toArray();
  return rows.filter((r) => !r.deleted).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

/**
 * Opens a resident's mapping, starting it when there is none: the new record (a fresh UUIDv7, the
 * resident, the form version and the first values, such as the mapper's name) and its outbox row
 * are written in the same transaction as the look-up, so two taps never start two mappings.
 */
export async function openOrStartMapping(
  db: KartleggDb,
  residentId: string,
  initial: Record<string, JsonValue>,
): Promise<string> {
  return db.transaction('rw', [db.mappings, db.outbox, db.meta], async () => {
    const existing = await mappingOfResident(db, residentId);
    if (existing) return existing.id;
    const id = uuidv7();
    await recordChange(db, 'mapping', id, { ...initial, residentId });
    return id;
  });
}
