import type { JsonValue } from '../../domain/sync/json.ts';
import { recordChange } from './changes.ts';
import { tableOf, type ConflictRow, type KartleggDb, type OutboxRow } from './database.ts';

/**
 * Ids of conflicts that a change still in the outbox resolves. The server has not heard of that
 * resolution yet, so a pull (after a cursor reset, say) may bring such a conflict back as open; the
 * person has already decided, so it is not shown again.
 */
async function resolvedLocally(db: KartleggDb): Promise<Set<string>> {
  const rows = await db.outbox.filter((o) => Boolean(o.resolves?.length)).toArray();
  return new Set(rows.flatMap((o) => o.resolves ?? []));
}

/** Open conflicts, oldest first; of one record when `entityId` is given. */
export async function openConflicts(db: KartleggDb, entityId?: string): Promise<ConflictRow[]> {
  const rows = await (entityId === undefined
    ? db.conflicts.where('status').equals('open').toArray()
    : db.conflicts
        .where('entityId')
        .equals(entityId)
        .filter((c) => c.status === 'open')
        .toArray());
  // Nothing open: no need to read the outbox (10,000 rows after an import, on every roster refresh).
  if (rows.length === 0) return [];
  const decided = await resolvedLocally(db);
  return rows.filter((c) => !decided.has(c.id)).sort((a, b) => a.version - b.version);
}

/** Ids of the records that have at least one open conflict: the roster's badges. */
export async function openConflictEntityIds(db: KartleggDb): Promise<Set<string>> {
  return new Set((await openConflicts(db)).map((c) => c.entityId));
}

export async function countOpenConflicts(db: KartleggDb): Promise<number> {
  return (await openConflicts(db)).length;
}

/**
 * Resolves a conflict with the value a person chose (theirs, mine or another). The resolution is an
 * ordinary change: in ONE transaction it records the value through the change path (record + outbox
 * row, `resolves` naming every open conflict on the same record and field, since one value settles
 * them all) and marks those conflicts resolved here. Its base is the newest server value the person
 * was shown (`theirsVersion`): if the field changed on the server since, the server opens a new
 * conflict instead of overwriting a value nobody saw.
 */
export async function resolveConflict(
  db: KartleggDb,
  conflict: ConflictRow,
  value: JsonValue,
  now = Date.now(),
): Promise<OutboxRow> {
  const table = tableOf(db, conflict.entity);
  return db.transaction('rw', [table, db.outbox, db.meta, db.conflicts], async () => {
    const same = await db.conflicts
      .where('entityId')
      .equals(conflict.entityId)
      .filter((c) => c.status === 'open' && c.field === conflict.field && c.entity === conflict.entity)
      .toArray();
    // The conflict shown may have been resolved meanwhile (by a pull); it is still named, harmlessly.
    const ids = [...new Set([conflict.id, ...same.map((c) => c.id)])];
    const baseVersion = Math.max(conflict.theirsVersion, ...same.map((c) => c.theirsVersion));
    const row = await recordChange(
      db,
      conflict.entity,
      conflict.entityId,
      { [conflict.field]: value },
      { resolves: ids, baseVersions: { [conflict.field]: baseVersion }, now },
    );
    await db.conflicts.where('id').anyOf(ids).modify({ status: 'resolved' });
    return row;
  });
}
