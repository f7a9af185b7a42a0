import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KartleggDb } from '../../src/client/db/database.ts';
import { recordChange } from '../../src/client/db/changes.ts';
import { acknowledge, countPending, pendingBatch } from '../../src/client/db/outbox.ts';
import { addResident, listResidents } from '../../src/client/db/residents.ts';

let db: KartleggDb;
let n = 0;
const fresh = () => (db = openDatabase(`test-${n++}`));
afterEach(() => db.delete());

describe('residents repository', () => {
  it('writes the resident and its outbox row together, with increasing clientSeq', async () => {
    fresh();
    const a = await addResident(db, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null });
    const b = await addResident(db, { givenName: 'Ola', familyName: 'Berg', birthDate: '1990-01-02' });
    expect((await listResidents(db)).map((r) => r.familyName)).toEqual(['Berg', 'Yusuf']);
    const outbox = await pendingBatch(db, 10);
    expect(outbox.map((o) => [o.clientSeq, o.entityId, o.status])).toEqual([
      [1, a, 'pending'],
      [2, b, 'pending'],
    ]);
    expect(outbox[1]?.changes).toEqual({
      givenName: { value: 'Ola', baseVersion: 0 },
      familyName: { value: 'Berg', baseVersion: 0 },
      birthDate: { value: '1990-01-02', baseVersion: 0 },
    });
  });

  it('writes neither the resident nor the outbox row when the transaction fails', async () => {
    fresh();
    await addResident(db, { givenName: 'A', familyName: 'B', birthDate: null });
    // Occupy the next clientSeq so the outbox insert fails after the resident insert succeeded.
    const [row] = await pendingBatch(db, 1);
    await db.outbox.add({ ...row!, clientSeq: 2, mutationId: 'occupied' });
    await expect(addResident(db, { givenName: 'C', familyName: 'D', birthDate: null })).rejects.toThrow();
    expect((await listResidents(db)).map((r) => r.givenName)).toEqual(['A']);
    expect(await countPending(db)).toBe(2);
  });

  it('refuses a value the protocol would reject, before anything is written', async () => {
    fresh();
    const id = await addResident(db, { givenName: 'A', familyName: 'B', birthDate: null });
    await expect(recordChange(db, 'resident', id, { birthDate: '1st of May' })).rejects.toThrow();
    await expect(recordChange(db, 'resident', id, { favouriteColour: 'blue' })).rejects.toThrow();
    expect(await countPending(db)).toBe(1);
  });

  it('bases each changed field on the version last seen, and hides deleted residents', async () => {
    fresh();
    const id = await addResident(db, { givenName: 'A', familyName: 'B', birthDate: null });
    await db.residents.update(id, { versions: { givenName: 7, familyName: 3 } });
    const change = await recordChange(db, 'resident', id, { givenName: 'Aisha', deleted: true });
    expect(change.changes).toEqual({
      givenName: { value: 'Aisha', baseVersion: 7 },
      deleted: { value: true, baseVersion: 0 },
    });
    expect(await listResidents(db)).toEqual([]);
  });
});

describe('outbox acknowledgements', () => {
  it('removes applied mutations and keeps rejected ones with their reason', async () => {
    fresh();
    await addResident(db, { givenName: 'A', familyName: 'One', birthDate: null });
    await addResident(db, { givenName: 'B', familyName: 'Two', birthDate: null });
    const [m1, m2] = await pendingBatch(db, 10);
    await acknowledge(db, [
      { id: m1!.mutationId, status: 'applied', version: 1 },
      { id: m2!.mutationId, status: 'rejected', reason: 'invalid' },
    ]);
    expect(await countPending(db)).toBe(0);
    expect(await db.outbox.toArray()).toMatchObject([
      { mutationId: m2!.mutationId, status: 'rejected', reason: 'invalid' },
    ]);
  });

  it('moves applied fields to the stamped version, but not the fields that conflicted', async () => {
    fresh();
    const id = await addResident(db, { givenName: 'A', familyName: 'One', birthDate: null });
    const [m] = await pendingBatch(db, 1);
    await acknowledge(db, [{ id: m!.mutationId, status: 'applied', version: 12, conflicted: ['familyName'] }]);
    expect((await db.residents.get(id))?.versions).toEqual({ givenName: 12, birthDate: 12 });
  });
});

describe('schema upgrade from version 1', () => {
  it('keeps v1 outbox rows, as changes on base version 0, and gives rows field versions', async () => {
    const name = `upgrade-${n++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      residents: 'id, familyName, updatedAt',
      mappings: 'id, residentId, updatedAt',
      outbox: 'clientSeq, &mutationId, status, entityId',
      meta: 'key',
    });
    const id = '0190a0b0-0000-7000-8000-000000000001';
    await v1.table('residents').add({ id, givenName: 'A', familyName: 'B', birthDate: null, updatedAt: 1 });
    await v1.table('outbox').add({
      clientSeq: 1,
      mutationId: '0190a0b0-0000-7000-8000-000000000002',
      entity: 'resident',
      entityId: id,
      op: 'upsert',
      fields: { givenName: 'A', familyName: 'B', birthDate: null },
      createdAt: 1,
      status: 'pending',
    });
    v1.close();
    db = openDatabase(name);
    const [row] = await pendingBatch(db, 10);
    expect(row).not.toHaveProperty('fields');
    expect(row?.changes.givenName).toEqual({ value: 'A', baseVersion: 0 });
    expect((await db.residents.get(id))?.versions).toEqual({});
  });
});
