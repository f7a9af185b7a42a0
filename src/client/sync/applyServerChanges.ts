import type { PullResponse, RecordSnapshot } from '../../protocol/sync.ts';
import { ENTITIES } from '../../protocol/entities.ts';
import { setMeta, tableOf, type KartleggDb, type OutboxRow, type SyncedRow } from '../db/index.ts';
import { SYNCED_TABLES } from '../db/database.ts';

/**
 * Applies one pulled page in ONE transaction: each record becomes the server's snapshot with this
 * client's still-pending changes laid over it again (so the user keeps seeing their unsynced edits),
 * conflicts are stored, and the cursor moves. A crash part-way leaves the page unapplied and the
 * cursor where it was, so the page is simply pulled again.
 */
export async function applyServerChanges(db: KartleggDb, page: PullResponse, now = Date.now()): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES, 'outbox', 'conflicts', 'meta'], async () => {
    const ids = page.records.map((r) => r.id);
    const pending = await db.outbox.where('entityId').anyOf(ids).sortBy('clientSeq');
    const byEntity = new Map<string, OutboxRow[]>();
    for (const o of pending) {
      if (o.status === 'pending') byEntity.set(o.entityId, [...(byEntity.get(o.entityId) ?? []), o]);
    }
    for (const entity of ENTITIES) {
      const snapshots = page.records.filter((r) => r.entity === entity);
      if (snapshots.length === 0) continue;
      const table = tableOf(db, entity);
      const existing = await table.bulkGet(snapshots.map((s) => s.id));
      const rows = snapshots.map((s, i) => overlay(s, byEntity.get(s.id) ?? [], existing[i]?.updatedAt ?? now));
      await table.bulkPut(rows);
    }
    await db.conflicts.bulkPut(page.conflicts.map((c) => ({ ...c, status: c.resolution ? 'resolved' : 'open' })));
    await setMeta(db, 'cursor', page.cursor);
  });
}

/** The server's record with the client's pending changes (in clientSeq order) on top. */
export function overlay(snapshot: RecordSnapshot, pending: OutboxRow[], updatedAt: number) {
  const row: SyncedRow & Record<string, unknown> = {
    ...snapshot.fields,
    id: snapshot.id,
    versions: { ...snapshot.fieldVersions },
    updatedAt,
  };
  for (const change of pending) {
    for (const [field, { value }] of Object.entries(change.changes)) row[field] = value;
  }
  return row;
}

/**
 * The server does not know our cursor (restored from a backup, say): drop the synced copy and
 * the conflicts, keep every record that still has an outbox row (and the outbox itself), and start
 * again from cursor 0.
 */
export async function resetLocalCopy(db: KartleggDb): Promise<void> {
  await db.transaction('rw', [...SYNCED_TABLES, 'outbox', 'conflicts', 'meta'], async () => {
    const keep = new Set((await db.outbox.toArray()).map((o) => o.entityId));
    for (const name of SYNCED_TABLES) {
      const table = db.table<SyncedRow, string>(name);
      const drop = (await table.toCollection().primaryKeys()).filter((id) => !keep.has(id));
      await table.bulkDelete(drop);
    }
    await db.conflicts.clear();
    await setMeta(db, 'cursor', 0);
  });
}
