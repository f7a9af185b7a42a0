import type { JsonValue } from '../../domain/sync/json.ts';
import { recordChange } from './changes.ts';
import { tableOf, type KartleggDb, type OutboxRow } from './database.ts';

/** The values a mutation carries, field by field. */
export function valuesOf(row: OutboxRow): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(row.changes).map(([field, { value }]) => [field, value]));
}

export class RejectedRowGoneError extends Error {}

/**
 * Replaces a rejected outbox row with a NEW mutation carrying `values`, in ONE transaction: the new
 * change goes through the change path (record + outbox row) and the rejected row leaves. It must be a
 * new mutation id and clientSeq: the server stores a rejection idempotently, so the old id would only
 * be rejected again. Fields the rejected row carried keep the base version the user had seen then;
 * a field added in the correction is based on what is stored now. Conflicts the row resolved are
 * still resolved by the new one.
 */
export async function replaceRejected(
  db: KartleggDb,
  rejected: OutboxRow,
  values: Record<string, JsonValue>,
  now = Date.now(),
): Promise<OutboxRow> {
  const table = tableOf(db, rejected.entity);
  return db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const current = await db.outbox.get(rejected.clientSeq);
    // Handled already (in another tab, say): never queue the same correction twice.
    if (current?.mutationId !== rejected.mutationId || current.status !== 'rejected') throw new RejectedRowGoneError();
    const baseVersions = Object.fromEntries(Object.entries(current.changes).map(([f, c]) => [f, c.baseVersion]));
    const row = await recordChange(db, current.entity, current.entityId, values, {
      ...(current.resolves?.length ? { resolves: current.resolves } : {}),
      baseVersions,
      now,
    });
    await db.outbox.delete(current.clientSeq);
    return row;
  });
}

/** Sends a rejected change again as it was, under a new mutation id (see replaceRejected). */
export function resendRejected(db: KartleggDb, rejected: OutboxRow, now = Date.now()): Promise<OutboxRow> {
  return replaceRejected(db, rejected, valuesOf(rejected), now);
}
