import type { KartleggDb, MappingRow } from './database.ts';

/**
 * What the roster needs to know of the mappings (the mapping form arrives with a later issue): who
 * has one at all, and who has a completed one. A mapping's `status` is one of its answer fields;
 * 'completed' is the value the domain outline names for a finished mapping.
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
    if (row.status === 'completed') mapped.add(row.residentId);
  }
  return { withMapping, mapped };
}
