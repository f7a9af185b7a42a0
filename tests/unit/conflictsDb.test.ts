import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordChange } from '../../src/client/db/changes.ts';
import {
  countOpenConflicts,
  openConflictEntityIds,
  openConflicts,
  resolveConflict,
} from '../../src/client/db/conflicts.ts';
import { openDatabase, type ConflictRow, type KartleggDb } from '../../src/client/db/database.ts';
import { acknowledge, countPending, pendingBatch } from '../../src/client/db/outbox.ts';
import { addResident } from '../../src/client/db/residents.ts';
import { groupConflicts } from '../../src/client/ui/conflictGroups.ts';
import { uuidv7 } from '../../src/domain/uuidv7.ts';

let db: KartleggDb;
let n = 0;
afterEach(() => db.delete());

/** A resident the server has (every field at version 3) and this tablet has synced. */
async function syncedResident(): Promise<string> {
  db = openDatabase(`conflicts-${n++}`);
  const id = await addResident(db, { givenName: 'Ola', familyName: 'Berg', birthDate: null });
  const [created] = await pendingBatch(db, 1);
  await acknowledge(db, [{ id: created!.mutationId, status: 'applied', version: 3 }]);
  return id;
}

function conflict(entityId: string, field: string, over: Partial<ConflictRow> = {}): ConflictRow {
  return {
    id: uuidv7(),
    entity: 'resident',
    entityId,
    field,
    base: 'Ola',
    baseVersion: 3,
    theirs: 'Olav',
    theirsVersion: 5,
    theirsBy: 'Kari',
    mine: 'Ole',
    mineBy: 'Per',
    createdAt: '2026-11-23T10:00:00.000Z',
    version: 6,
    resolution: null,
    status: 'open',
    ...over,
  };
}

describe('open conflicts', () => {
  it('lists open conflicts by record, oldest first, and leaves out resolved ones', async () => {
    const id = await syncedResident();
    const other = uuidv7();
    const late = conflict(id, 'givenName', { version: 9 });
    const early = conflict(id, 'familyName', { version: 7 });
    await db.conflicts.bulkAdd([
      late,
      early,
      conflict(other, 'givenName'),
      conflict(id, 'birthDate', { status: 'resolved' }),
    ]);
    expect((await openConflicts(db, id)).map((c) => c.id)).toEqual([early.id, late.id]);
    expect(await countOpenConflicts(db)).toBe(3);
    expect(await openConflictEntityIds(db)).toEqual(new Set([id, other]));
  });

  it('does not show again a conflict that an unsent change already resolves', async () => {
    const id = await syncedResident();
    const c = conflict(id, 'givenName');
    await db.conflicts.add(c);
    await recordChange(db, 'resident', id, { givenName: 'Ole' }, { resolves: [c.id] });
    // As after a cursor reset: the server, not having heard of the resolution, sends it as open.
    await db.conflicts.put({ ...c, status: 'open' });
    expect(await openConflicts(db)).toEqual([]);
  });

  it('groups conflicts by record and field for the conflict screen', async () => {
    const id = await syncedResident();
    const a = conflict(id, 'givenName', { version: 6 });
    const b = conflict(id, 'familyName', { version: 7 });
    const c = conflict(id, 'givenName', { version: 8, mine: 'Olli' });
    const unknown = conflict(uuidv7(), 'givenName');
    const residents = new Map([[id, (await db.residents.get(id))!]]);
    const groups = groupConflicts([a, b, c, unknown], residents);
    expect(groups.map((g) => [g.name, g.fields.map((f) => [f.field, f.conflicts.length])])).toEqual([
      [
        'Berg, Ola',
        [
          ['givenName', 2],
          ['familyName', 1],
        ],
      ],
      [null, [['givenName', 1]]],
    ]);
  });
});

describe('resolving a conflict', () => {
  it('records the chosen value, resolving every open conflict of that field, in one change', async () => {
    const id = await syncedResident();
    const first = conflict(id, 'givenName', { theirsVersion: 5, version: 6 });
    const second = conflict(id, 'givenName', { theirsVersion: 8, version: 9, theirs: 'Olaf', mine: 'Olli' });
    const otherField = conflict(id, 'familyName');
    const done = conflict(id, 'givenName', { status: 'resolved' });
    await db.conflicts.bulkAdd([first, second, otherField, done]);

    const row = await resolveConflict(db, first, 'Ole');

    expect(row.resolves?.sort()).toEqual([first.id, second.id].sort());
    // Based on the newest server value the person was shown, whatever the stored version says.
    expect(row.changes).toEqual({ givenName: { value: 'Ole', baseVersion: 8 } });
    expect((await db.residents.get(id))?.givenName).toBe('Ole');
    expect((await db.conflicts.get(first.id))?.status).toBe('resolved');
    expect((await db.conflicts.get(second.id))?.status).toBe('resolved');
    expect((await db.conflicts.get(otherField.id))?.status).toBe('open');
    expect(await openConflictEntityIds(db)).toEqual(new Set([id]));
  });

  it('restores a deleted record when the person chooses "not deleted"', async () => {
    const id = await syncedResident();
    const c = conflict(id, 'deleted', { base: false, theirs: true, mine: false });
    await db.conflicts.add(c);
    await db.residents.update(id, { deleted: true });
    const row = await resolveConflict(db, c, false);
    expect(row.changes.deleted?.value).toBe(false);
    expect((await db.residents.get(id))?.deleted).toBe(false);
  });

  it('changes nothing when the value cannot be recorded', async () => {
    const id = await syncedResident();
    const c = conflict(id, 'givenName');
    await db.conflicts.add(c);
    await expect(resolveConflict(db, c, '')).rejects.toThrow();
    expect((await db.conflicts.get(c.id))?.status).toBe('open');
    expect(await countPending(db)).toBe(0);
    expect((await db.residents.get(id))?.givenName).toBe('Ola');
  });
});
