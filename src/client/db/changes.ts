import { uuidv7 } from '../../domain/uuidv7.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { fieldProblem, type Entity } from '../../protocol/entities.ts';
import { tableOf, type KartleggDb, type OutboxChange, type OutboxRow, type SyncedRow } from './database.ts';
import { getMeta, nextClientSeq, setMeta } from './meta.ts';

export class InvalidChangeError extends Error {}

/** The first field whose value the server would refuse (fieldProblem), or undefined when none. */
export function refusedField(entity: Entity, values: Record<string, JsonValue>): string | undefined {
  for (const [field, value] of Object.entries(values)) if (fieldProblem(entity, field, value)) return field;
  return undefined;
}

export interface ChangeOptions {
  /** Conflicts this change resolves. */
  resolves?: string[];
  /**
   * The field versions the user saw when they started (a form opened, a conflict shown), when a pull
   * may have moved the stored versions since. Without it, the stored versions are the base.
   */
  baseVersions?: Record<string, number>;
  now?: number;
}

/**
 * Records a user's change to one record: the record and its outbox row are written in ONE
 * transaction, so no edit exists without its outbox row, and the promise resolves only after the
 * commit (so the UI may then say "saved"). Each field carries the server version the user had seen.
 */
export async function recordChange(
  db: KartleggDb,
  entity: Entity,
  entityId: string,
  values: Record<string, JsonValue>,
  { resolves, baseVersions = {}, now = Date.now() }: ChangeOptions = {},
): Promise<OutboxRow> {
  const refused = refusedField(entity, values);
  if (refused !== undefined) throw new InvalidChangeError(`${entity}.${refused}`);
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, db.meta, async () => {
    const row = await table.get(entityId);
    const versions = row?.versions ?? {};
    const changes = Object.fromEntries(
      Object.entries(values).map(([field, value]) => [
        field,
        { value, baseVersion: baseVersions[field] ?? versions[field] ?? 0 },
      ]),
    );
    // `deleted` is a field like any other, so a tombstone is just a row whose `deleted` is true.
    await table.put({ ...row, ...values, id: entityId, versions, updatedAt: now });
    const outboxRow: OutboxRow = {
      clientSeq: await nextClientSeq(db),
      mutationId: uuidv7(now),
      entity,
      entityId,
      changes,
      ...(resolves?.length ? { resolves } : {}),
      createdAt: now,
      status: 'pending',
    };
    await db.outbox.add(outboxRow);
    return outboxRow;
  });
}

/** One record's share of a bulk change. */
export interface BulkChange {
  entityId: string;
  values: Record<string, JsonValue>;
  /** As in ChangeOptions: the field versions the user saw (the import's preview), else the stored ones. */
  baseVersions?: Record<string, number>;
  /** The change creates the record under a fresh id (UUIDv7 made just now): nothing to read first. */
  isNew?: boolean;
}

export interface BulkOptions {
  now?: number;
  /** Called after each chunk is written, inside the transaction: what a progress bar shows. */
  onProgress?: (done: number, total: number) => void;
  /** Records per chunk between progress reports. */
  chunkSize?: number;
}

/**
 * recordChange for many records at once (a roster import): every record and its outbox row — one
 * mutation per record, so the server applies and conflicts record by record — are written in ONE
 * transaction, all or nothing. The promise resolves only after the commit. Bulk reads and writes
 * keep 10,000 records to a few IndexedDB round trips; the clientSeqs are one consecutive block.
 * Call it inside an open transaction over the same tables to add more writes to that transaction.
 */
export async function recordChanges(
  db: KartleggDb,
  entity: Entity,
  changes: readonly BulkChange[],
  { now = Date.now(), onProgress, chunkSize = 1000 }: BulkOptions = {},
): Promise<OutboxRow[]> {
  const ids = new Set<string>();
  for (const change of changes) {
    // Two changes to one record in one batch would overwrite each other's record write.
    if (ids.has(change.entityId)) throw new InvalidChangeError(`${entity} ${change.entityId} twice`);
    ids.add(change.entityId);
    const refused = refusedField(entity, change.values);
    if (refused !== undefined) throw new InvalidChangeError(`${entity}.${refused}`);
  }
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, db.meta, async () => {
    // Only records that may exist are read: reading 10,000 fresh ids costs as much as writing them.
    const existing = changes.filter((c) => !c.isNew);
    const read = await table.bulkGet(existing.map((c) => c.entityId));
    const storedById = new Map(existing.map((c, i) => [c.entityId, read[i]]));
    const firstSeq = ((await getMeta(db, 'clientSeq')) ?? 0) + 1;
    if (changes.length) await setMeta(db, 'clientSeq', firstSeq + changes.length - 1);
    const records: (SyncedRow & Record<string, unknown>)[] = [];
    const outboxRows: OutboxRow[] = [];
    changes.forEach(({ entityId, values, baseVersions = {} }, i) => {
      const row = storedById.get(entityId);
      const versions = row?.versions ?? {};
      const fieldChanges: Record<string, OutboxChange> = {};
      for (const [field, value] of Object.entries(values)) {
        fieldChanges[field] = { value, baseVersion: baseVersions[field] ?? versions[field] ?? 0 };
      }
      records.push({ ...row, ...values, id: entityId, versions, updatedAt: now });
      outboxRows.push({
        clientSeq: firstSeq + i,
        mutationId: uuidv7(now),
        entity,
        entityId,
        changes: fieldChanges,
        createdAt: now,
        status: 'pending',
      });
    });
    for (let start = 0; start < records.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, records.length);
      // Both writes queued at once: IndexedDB runs them in order, without a round trip between.
      await Promise.all([table.bulkPut(records.slice(start, end)), db.outbox.bulkAdd(outboxRows.slice(start, end))]);
      onProgress?.(end, records.length);
    }
    return outboxRows;
  });
}
