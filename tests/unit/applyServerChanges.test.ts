import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KartleggDb } from '../../src/client/db/database.ts';
import { recordChange } from '../../src/client/db/changes.ts';
import { getMeta } from '../../src/client/db/meta.ts';
import { acknowledge, countPending, pendingBatch } from '../../src/client/db/outbox.ts';
import { addResident } from '../../src/client/db/residents.ts';
import { applyServerChanges, resetLocalCopy } from '../../src/client/sync/applyServerChanges.ts';
import type { PullResponse, RecordSnapshot } from '../../src/protocol/sync.ts';
import { uuidv7 } from '../../src/domain/uuidv7.ts';

let db: KartleggDb;
let n = 0;
afterEach(() => db.delete());

function page(records: RecordSnapshot[], cursor: number, conflicts: PullResponse['conflicts'] = []): PullResponse {
  return { reset: false, cursor, more: false, lastClientSeq: 0, records, conflicts };
}

function resident(id: string, fields: Record<string, string | null>, version: number): RecordSnapshot {
  return {
    entity: 'resident',
    id,
    version,
    fields,
    fieldVersions: Object.fromEntries(Object.keys(fields).map((k) => [k, version])),
  };
}

describe('applying a pulled page', () => {
  it('stores server snapshots with their field versions and moves the cursor', async () => {
    db = openDatabase(`apply-${n++}`);
    const id = uuidv7();
    await applyServerChanges(
      db,
      page([resident(id, { givenName: 'Sara', familyName: 'Haile', birthDate: null }, 4)], 4),
    );
    expect(await db.residents.get(id)).toMatchObject({ givenName: 'Sara', versions: { givenName: 4, familyName: 4 } });
    expect(await getMeta(db, 'cursor')).toBe(4);
  });

  it('lays the still-pending local edits over the server snapshot', async () => {
    db = openDatabase(`apply-${n++}`);
    const id = await addResident(db, { givenName: 'Ali', familyName: 'Karimi', birthDate: null });
    const [created] = await pendingBatch(db, 1);
    await acknowledge(db, [{ id: created!.mutationId, status: 'applied', version: 8 }]);
    await recordChange(db, 'resident', id, { birthDate: '1991-02-03' });
    // Another tablet changed the family name on the server; our birth date has not been pushed yet.
    await applyServerChanges(
      db,
      page([resident(id, { givenName: 'Ali', familyName: 'Karimi-Berg', birthDate: null }, 9)], 9),
    );
    const row = await db.residents.get(id);
    expect(row).toMatchObject({ familyName: 'Karimi-Berg', birthDate: '1991-02-03' });
    expect(row?.versions.familyName).toBe(9);
    expect(await countPending(db)).toBe(1);
  });

  it('stores conflicts as open or resolved', async () => {
    db = openDatabase(`apply-${n++}`);
    const id = uuidv7();
    const conflict = {
      id: uuidv7(),
      entity: 'resident' as const,
      entityId: id,
      field: 'givenName',
      base: 'A',
      baseVersion: 1,
      theirs: 'B',
      theirsVersion: 2,
      theirsBy: 'Kari',
      mine: 'C',
      mineBy: 'Ola',
      createdAt: new Date().toISOString(),
      version: 3,
      resolution: null,
    };
    await applyServerChanges(db, page([], 3, [conflict]));
    expect((await db.conflicts.get(conflict.id))?.status).toBe('open');
    await applyServerChanges(
      db,
      page([], 4, [{ ...conflict, version: 4, resolution: { value: 'C', by: 'Kari', at: '' } }]),
    );
    expect((await db.conflicts.get(conflict.id))?.status).toBe('resolved');
  });

  it('on reset drops the synced copy but keeps records with unsynced changes and the outbox', async () => {
    db = openDatabase(`apply-${n++}`);
    const synced = uuidv7();
    await applyServerChanges(db, page([resident(synced, { givenName: 'S', familyName: 'T', birthDate: null }, 5)], 5));
    const local = await addResident(db, { givenName: 'L', familyName: 'M', birthDate: null });
    await resetLocalCopy(db);
    expect((await db.residents.toArray()).map((r) => r.id)).toEqual([local]);
    expect(await countPending(db)).toBe(1);
    expect(await getMeta(db, 'cursor')).toBe(0);
  });
});
