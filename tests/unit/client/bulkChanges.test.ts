import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidChangeError, recordChange, recordChanges } from '../../../src/client/db/changes.ts';
import { openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { getMeta } from '../../../src/client/db/meta.ts';
import { countPending, pendingBatch } from '../../../src/client/db/outbox.ts';
import { listResidents } from '../../../src/client/db/residents.ts';
import { commitImport, rememberedMapping } from '../../../src/client/db/rosterImport.ts';

let db: KartleggDb;
let n = 0;
const fresh = () => (db = openDatabase(`bulk-${n++}`));
afterEach(() => db.delete());

const id = (i: number) => `0190a0b0-0000-7000-8000-${String(i).padStart(12, '0')}`;

describe('recordChanges', () => {
  it('writes every record and one outbox row per record, with consecutive clientSeqs', async () => {
    fresh();
    await recordChange(db, 'resident', id(0), { givenName: 'Ola', familyName: 'Berg' });
    await db.residents.update(id(0), { versions: { familyName: 4 } });
    const progress: number[] = [];
    const rows = await recordChanges(
      db,
      'resident',
      [
        { entityId: id(0), values: { familyName: 'Bergh', unlisted: true } },
        { entityId: id(1), values: { givenName: 'Amina', familyName: 'Yusuf', duf: '201912345678' } },
        { entityId: id(2), values: { givenName: 'Rahel', familyName: 'Tesfay' }, baseVersions: { givenName: 9 } },
      ],
      { chunkSize: 2, onProgress: (done) => progress.push(done) },
    );
    expect(rows.map((r) => r.clientSeq)).toEqual([2, 3, 4]);
    expect(await getMeta(db, 'clientSeq')).toBe(4);
    expect(progress).toEqual([2, 3]);
    const outbox = await pendingBatch(db, 10);
    expect(outbox.map((o) => o.entityId)).toEqual([id(0), id(0), id(1), id(2)]);
    expect(outbox[1]?.changes).toEqual({
      familyName: { value: 'Bergh', baseVersion: 4 },
      unlisted: { value: true, baseVersion: 0 },
    });
    expect(outbox[3]?.changes.givenName).toEqual({ value: 'Rahel', baseVersion: 9 });
    expect(new Set(outbox.map((o) => o.mutationId)).size).toBe(4);
    const stored = await db.residents.get(id(0));
    expect(stored).toMatchObject({
      givenName: 'Ola',
      familyName: 'Bergh',
      unlisted: true,
      versions: { familyName: 4 },
    });
    expect((await listResidents(db)).map((r) => r.familyName)).toEqual(['Bergh', 'Tesfay', 'Yusuf']);
  });

  it('writes nothing at all when any write fails (one transaction)', async () => {
    fresh();
    await recordChange(db, 'resident', id(0), { givenName: 'Ola', familyName: 'Berg' });
    // Occupy a clientSeq in the middle of the block the batch will take.
    const [first] = await pendingBatch(db, 1);
    await db.outbox.add({ ...first!, clientSeq: 3, mutationId: 'occupied' });
    const changes = [1, 2, 3].map((i) => ({ entityId: id(i), values: { givenName: `G${i}`, familyName: 'F' } }));
    await expect(recordChanges(db, 'resident', changes)).rejects.toThrow();
    expect((await listResidents(db)).map((r) => r.givenName)).toEqual(['Ola']);
    expect(await countPending(db)).toBe(2);
    expect(await getMeta(db, 'clientSeq')).toBe(1);
  });

  it('refuses an invalid value or a record twice before writing anything', async () => {
    fresh();
    const good = { entityId: id(1), values: { givenName: 'A', familyName: 'B' } };
    await expect(
      recordChanges(db, 'resident', [good, { entityId: id(2), values: { duf: '123' } }]),
    ).rejects.toBeInstanceOf(InvalidChangeError);
    await expect(recordChanges(db, 'resident', [good, good])).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await countPending(db)).toBe(0);
  });

  it('writes 10,000 records in one call', async () => {
    fresh();
    const changes = Array.from({ length: 10_000 }, (_, i) => ({
      entityId: id(i),
      values: { givenName: `G${i}`, familyName: 'F', rosterClass: 'targetGroup', unlisted: false },
    }));
    await recordChanges(db, 'resident', changes);
    expect(await countPending(db)).toBe(10_000);
    expect(await db.residents.count()).toBe(10_000);
  });
});

describe('commitImport', () => {
  it('remembers the column mappings with the writes, in the same transaction', async () => {
    fresh();
    await commitImport(db, [{ entityId: id(1), values: { givenName: 'A', familyName: 'B' } }], {
      'v1:duf|navn': { duf: 0, fullName: 1 },
    });
    expect(await rememberedMapping(db, 'v1:duf|navn')).toEqual({ duf: 0, fullName: 1 });
    await expect(
      commitImport(db, [{ entityId: id(2), values: { givenName: '' } }], { 'v1:other': { duf: 0 } }),
    ).rejects.toThrow();
    expect(await rememberedMapping(db, 'v1:other')).toBeUndefined();
  });
});
