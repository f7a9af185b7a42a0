import { uuidv7 } from '../../domain/uuidv7.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { fieldProblem, type Entity } from '../../protocol/entities.ts';
import { tableOf, type KartleggDb, type OutboxRow } from './database.ts';
import { nextClientSeq } from './meta.ts';

export class InvalidChangeError extends Error {}

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
  for (const [field, value] of Object.entries(values)) {
    if (fieldProblem(entity, field, value)) throw new InvalidChangeError(`${entity}.${field}`);
  }
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
