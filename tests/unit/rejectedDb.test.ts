import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordChange } from '../../src/client/db/changes.ts';
import { openDatabase, type KartleggDb, type OutboxRow } from '../../src/client/db/database.ts';
import { acknowledge, pendingBatch, rejectedRows } from '../../src/client/db/outbox.ts';
import { RejectedRowGoneError, replaceRejected, resendRejected } from '../../src/client/db/rejected.ts';
import { addResident } from '../../src/client/db/residents.ts';
import { changedFields, EMPTY_INPUT } from '../../src/client/ui/residentInput.ts';

let db: KartleggDb;
let n = 0;
afterEach(() => db.delete());

/** A synced resident (fields at version 4) whose later change to the given name was rejected. */
async function rejectedChange(reason = 'invalid'): Promise<{ id: string; rejected: OutboxRow }> {
  db = openDatabase(`rejected-${n++}`);
  const id = await addResident(db, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null });
  const [created] = await pendingBatch(db, 1);
  await acknowledge(db, [{ id: created!.mutationId, status: 'applied', version: 4 }]);
  const change = await recordChange(
    db,
    'resident',
    id,
    { givenName: 'Aminah' },
    { resolves: ['c0ffee00-0000-7000-8000-000000000001'] },
  );
  await acknowledge(db, [{ id: change.mutationId, status: 'rejected', reason }]);
  const [rejected] = await rejectedRows(db);
  return { id, rejected: rejected! };
}

describe('correcting and resending a rejected change', () => {
  it('queues the correction as a new mutation and removes the rejected row in the same transaction', async () => {
    const { id, rejected } = await rejectedChange();
    // Another change was made meanwhile: the correction must still keep the base the user had seen.
    await db.residents.update(id, { versions: { givenName: 11, familyName: 4, birthDate: 4 } });
    const row = await replaceRejected(db, rejected, { givenName: 'Amira', birthDate: '1990-05-17' });

    expect(row.mutationId).not.toBe(rejected.mutationId);
    expect(row.clientSeq).toBeGreaterThan(rejected.clientSeq);
    expect(row.status).toBe('pending');
    expect(row.changes).toEqual({
      givenName: { value: 'Amira', baseVersion: 4 },
      birthDate: { value: '1990-05-17', baseVersion: 4 },
    });
    expect(row.resolves).toEqual(rejected.resolves);
    expect(await rejectedRows(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.residents.get(id)).toMatchObject({ givenName: 'Amira', birthDate: '1990-05-17' });
  });

  it('resends unchanged under a new id and clientSeq, since the old id would only be rejected again', async () => {
    const { rejected } = await rejectedChange('duplicate_id');
    const row = await resendRejected(db, rejected);
    expect(row.mutationId).not.toBe(rejected.mutationId);
    expect(row.clientSeq).toBeGreaterThan(rejected.clientSeq);
    expect(row.changes).toEqual(rejected.changes);
    expect(await db.outbox.toArray()).toEqual([row]);
  });

  it('keeps the rejected row when the correction cannot be recorded, and refuses a row handled already', async () => {
    const { rejected } = await rejectedChange();
    await expect(replaceRejected(db, rejected, { givenName: '' })).rejects.toThrow();
    expect(await rejectedRows(db)).toEqual([rejected]);

    await resendRejected(db, rejected);
    await expect(resendRejected(db, rejected)).rejects.toBeInstanceOf(RejectedRowGoneError);
    expect(await db.outbox.count()).toBe(1);
  });

  it('turns only the fields the person changed into a change', () => {
    const before = { ...EMPTY_INPUT, givenName: 'Amina', familyName: 'Yusuf', duf: '201912345678' };
    expect(changedFields(before, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null })).toEqual({});
    expect(changedFields(before, { givenName: 'Amira', familyName: 'Yusuf', birthDate: '1990-01-02' })).toEqual({
      givenName: 'Amira',
      birthDate: '1990-01-02',
    });
    // Roster fields the form holds: emptied is null, unchanged is left out.
    const fields = { givenName: 'Amina', familyName: 'Yusuf', birthDate: null, duf: null, language: 'Tigrinja' };
    expect(changedFields(before, fields)).toEqual({ duf: null, language: 'Tigrinja' });
  });
});
