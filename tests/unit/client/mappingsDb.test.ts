import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { recordChange } from '../../../src/client/db/changes.ts';
import { mappingFacts, mappingOfResident, openOrStartMapping } from '../../../src/client/db/mappings.ts';
import { pendingBatch } from '../../../src/client/db/outbox.ts';
import { UUID_PATTERN } from '../../../src/domain/uuidv7.ts';

let db: KartleggDb;
let n = 0;
const fresh = () => (db = openDatabase(`mappings-${n++}`));
afterEach(() => db.delete());

const RESIDENT = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('a resident’s mapping', () => {
  it('is started once, with a fresh UUIDv7, the resident and the first values, and its outbox row', async () => {
    fresh();
    const [a, b] = await Promise.all([
      openOrStartMapping(db, RESIDENT, { formVersion: 1, mapperName: 'Kari' }),
      openOrStartMapping(db, RESIDENT, { formVersion: 1, mapperName: 'Kari' }),
    ]);
    expect(a).toBe(b);
    expect(a).toMatch(UUID_PATTERN);
    expect(a[14]).toBe('7');
    expect((await mappingOfResident(db, RESIDENT))?.mapperName).toBe('Kari');
    const outbox = await pendingBatch(db, 10);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.entity).toBe('mapping');
    expect(outbox[0]?.changes).toEqual({
      formVersion: { value: 1, baseVersion: 0 },
      mapperName: { value: 'Kari', baseVersion: 0 },
      residentId: { value: RESIDENT, baseVersion: 0 },
    });
  });

  it('counts as mapped in the roster when its status is complete (the form’s status code)', async () => {
    fresh();
    const id = await openOrStartMapping(db, RESIDENT, { formVersion: 1 });
    expect((await mappingFacts(db)).mapped.has(RESIDENT)).toBe(false);
    expect((await mappingFacts(db)).withMapping.has(RESIDENT)).toBe(true);
    await recordChange(db, 'mapping', id, { status: 'partial' });
    expect((await mappingFacts(db)).mapped.has(RESIDENT)).toBe(false);
    await recordChange(db, 'mapping', id, { status: 'complete' });
    expect((await mappingFacts(db)).mapped.has(RESIDENT)).toBe(true);
  });

  it('ignores a deleted mapping and picks the oldest of two made on different tablets', async () => {
    fresh();
    await db.mappings.bulkPut([
      { id: '0190a1b2-0000-7000-8000-000000000002', residentId: RESIDENT, versions: {}, updatedAt: 0 },
      { id: '0190a1b2-0000-7000-8000-000000000001', residentId: RESIDENT, versions: {}, updatedAt: 0, deleted: true },
      { id: '0190a1b2-0000-7000-8000-000000000003', residentId: RESIDENT, versions: {}, updatedAt: 0 },
    ]);
    expect((await mappingOfResident(db, RESIDENT))?.id).toBe('0190a1b2-0000-7000-8000-000000000002');
  });
});
