import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KartleggDb } from '../../src/client/db/database.ts';
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
      [1, a.id, 'pending'],
      [2, b.id, 'pending'],
    ]);
    expect(outbox[1]?.fields).toEqual({ givenName: 'Ola', familyName: 'Berg', birthDate: '1990-01-02' });
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
});
