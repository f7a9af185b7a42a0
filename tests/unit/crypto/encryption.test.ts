import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SEALED } from '../../../src/client/crypto/clearFields.ts';
import { encryptionMiddleware } from '../../../src/client/crypto/encryptionMiddleware.ts';
import { additionalData, open, openAsync, seal } from '../../../src/client/crypto/sealing.ts';
import { recordChange } from '../../../src/client/db/changes.ts';
import { openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { saveSession } from '../../../src/client/db/session.ts';
import { addResident, getResident, listResidents } from '../../../src/client/db/residents.ts';
import { asText, rawRows } from './rawRows.ts';

let db: KartleggDb | Dexie;
let n = 0;
const key = crypto.getRandomValues(new Uint8Array(32));
const fresh = () => (db = openDatabase(`enc-${n++}`, () => key)) as KartleggDb;
afterEach(() => db.delete());

const NAME = 'Zahrawi-Oyelaran';

describe('encryption in IndexedDB', () => {
  it('reads back what it wrote, while the raw rows hold no name, answer or token', async () => {
    const kdb = fresh();
    const id = await addResident(kdb, { givenName: 'Amina', familyName: NAME, birthDate: '1991-02-03' });
    await recordChange(kdb, 'mapping', 'm-1', { residentId: id, languages: ['Tigrinja-answer'] });
    await saveSession(kdb, {
      token: 'secret-device-token',
      deviceId: 'd',
      user: { id: 'u', name: 'Kari Kartlegger', role: 'kartlegger', municipalityId: 'm' },
      mustChangePassword: false,
    });
    expect((await getResident(kdb, id))?.familyName).toBe(NAME);
    expect((await listResidents(kdb)).map((r) => r.givenName)).toEqual(['Amina']);
    const raw = asText(await rawRows(kdb));
    for (const secret of [NAME, 'Amina', '1991-02-03', 'Tigrinja-answer', 'secret-device-token', 'Kari']) {
      expect(raw).not.toContain(secret);
    }
    // What indexes need stays in clear.
    const [mapping] = (await rawRows(kdb)).mappings as Record<string, unknown>[];
    expect(mapping).toMatchObject({ id: 'm-1', residentId: id });
    expect(mapping?.[SEALED]).toBeInstanceOf(Uint8Array);
  });

  it('refuses a row whose sealed bytes were altered or moved to another row', async () => {
    const kdb = fresh();
    const a = await addResident(kdb, { givenName: 'A', familyName: 'B', birthDate: null });
    const b = await addResident(kdb, { givenName: 'C', familyName: 'D', birthDate: null });
    const raw = (await rawRows(kdb)).residents as Record<string, Uint8Array | string>[];
    const sealedOf = (id: string) => raw.find((r) => r.id === id)![SEALED] as Uint8Array;
    const idb = kdb.backendDB();
    const put = (row: unknown) =>
      new Promise((resolve, reject) => {
        const request = idb.transaction('residents', 'readwrite').objectStore('residents').put(row);
        request.onsuccess = resolve;
        request.onerror = reject;
      });
    const tampered = sealedOf(a).slice();
    tampered[20]! ^= 1;
    await put({ ...raw.find((r) => r.id === a), [SEALED]: tampered });
    await expect(getResident(kdb, a)).rejects.toThrow();
    await put({ ...raw.find((r) => r.id === b), [SEALED]: sealedOf(a) });
    await expect(getResident(kdb, b)).rejects.toThrow();
  });

  it('keeps recordChange atomic: a failed outbox write leaves no sealed record behind', async () => {
    const kdb = fresh();
    await addResident(kdb, { givenName: 'A', familyName: 'B', birthDate: null });
    await kdb.outbox.add({ ...(await kdb.outbox.get(1))!, clientSeq: 2, mutationId: 'occupied' });
    await expect(addResident(kdb, { givenName: 'C', familyName: 'D', birthDate: null })).rejects.toThrow();
    expect((await rawRows(kdb)).residents).toHaveLength(1);
  });

  it('opens the rows a cursor meets (a filter, modify, each) and seals what modify writes', async () => {
    const kdb = fresh();
    await addResident(kdb, { givenName: 'Amina', familyName: NAME, birthDate: null });
    await addResident(kdb, { givenName: 'Ola', familyName: 'Berg', birthDate: null });
    expect((await kdb.residents.filter((r) => r.familyName === NAME).toArray()).map((r) => r.givenName)).toEqual([
      'Amina',
    ]);
    await kdb.residents.toCollection().modify((r) => {
      r.givenName = `${r.givenName}-${NAME}`;
    });
    const names: string[] = [];
    await kdb.residents.each((r) => void names.push(r.givenName));
    expect(names.sort()).toEqual([`Amina-${NAME}`, `Ola-${NAME}`]);
    expect(asText(await rawRows(kdb))).not.toContain(NAME);
  });

  it('opens with WebCrypto what the synchronous cipher sealed, and the reverse', async () => {
    const aad = additionalData('residents', 'x');
    const sealed = seal(key, { familyName: NAME }, aad);
    const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt', 'encrypt']);
    expect(await openAsync(webKey, sealed, aad)).toEqual({ familyName: NAME });
    expect(() => open(crypto.getRandomValues(new Uint8Array(32)), sealed, aad)).toThrow();
  });
});

describe('tables and upgrades', () => {
  it('seals all but the primary key of a table it does not know, and refuses an index on a sealed field', async () => {
    const other = new Dexie(`enc-other-${n++}`);
    db = other;
    other.use(encryptionMiddleware(() => key));
    other.version(1).stores({ places: 'id' });
    await other.table('places').put({ id: 'p', address: 'Storgata 1' });
    expect(await other.table('places').get('p')).toEqual({ id: 'p', address: 'Storgata 1' });
    expect(Object.keys((await rawRows(other)).places![0] as object)).toEqual(['id', SEALED]);
    other.close();
    const indexed = new Dexie(`enc-indexed-${n++}`);
    indexed.use(encryptionMiddleware(() => key));
    indexed.version(1).stores({ places: 'id, address' });
    await expect(indexed.table('places').put({ id: 'p', address: 'x' })).rejects.toThrow(/sealed field/);
    await indexed.delete();
  });

  it('seals the rows of a version 2 database when it is upgraded', async () => {
    const name = `enc-v2-${n++}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({
      residents: 'id, familyName, updatedAt',
      mappings: 'id, residentId, updatedAt',
      outbox: 'clientSeq, &mutationId, status, entityId',
      meta: 'key',
    });
    v2.version(2).stores({ conflicts: 'id, entityId, status' });
    const id = '0190a0b0-0000-7000-8000-000000000001';
    await v2.table('residents').add({ id, givenName: 'Amina', familyName: NAME, versions: {}, updatedAt: 1 });
    await v2.table('meta').add({ key: 'session', value: { token: 'secret-device-token' } });
    v2.close();
    const kdb = (db = openDatabase(name, () => key));
    expect((await getResident(kdb, id))?.familyName).toBe(NAME);
    // Upgraded through v3, the version that seals (later versions add tables).
    expect(kdb.verno).toBeGreaterThanOrEqual(3);
    const raw = await rawRows(kdb);
    expect(asText(raw)).not.toContain(NAME);
    expect(asText(raw)).not.toContain('secret-device-token');
    expect(raw.residents![0]).toHaveProperty(SEALED);
  });
});
