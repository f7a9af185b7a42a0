import type { ColumnMapping } from '../../domain/roster/columns.ts';
import { DEFAULT_DEADLINE_DAYS, isDeadlineDays } from '../../domain/roster/deadline.ts';
import { recordChanges, type BulkChange } from './changes.ts';
import type { KartleggDb } from './database.ts';
import { getMeta, setMeta } from './meta.ts';

/** How many header signatures keep a remembered mapping (a municipality sees a handful of exports). */
const REMEMBERED_MAPPINGS = 20;

/**
 * Commits a roster import: every resident write with its outbox row, and the column mappings to
 * remember for next week, in ONE transaction — all or nothing. Resolves after the commit.
 */
export async function commitImport(
  db: KartleggDb,
  writes: readonly BulkChange[],
  mappings: Record<string, ColumnMapping>,
  options: { now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  await db.transaction('rw', db.residents, db.outbox, db.meta, async () => {
    await recordChanges(db, 'resident', writes, options);
    const remembered = { ...((await getMeta(db, 'columnMappings')) ?? {}) };
    for (const [signature, mapping] of Object.entries(mappings)) {
      // Re-inserted so that the most recently used mappings are the last keys, and kept.
      delete remembered[signature];
      remembered[signature] = mapping;
    }
    const keys = Object.keys(remembered);
    for (const key of keys.slice(0, Math.max(0, keys.length - REMEMBERED_MAPPINGS))) delete remembered[key];
    await setMeta(db, 'columnMappings', remembered);
  });
}

export async function rememberedMapping(db: KartleggDb, signature: string): Promise<ColumnMapping | undefined> {
  return (await getMeta(db, 'columnMappings'))?.[signature];
}

/** The municipality's deadline days as the last sync brought them, or the default (14) before any. */
export async function deadlineDays(db: KartleggDb): Promise<number> {
  const days = await getMeta(db, 'deadlineDays');
  return days !== undefined && isDeadlineDays(days) ? days : DEFAULT_DEADLINE_DAYS;
}
