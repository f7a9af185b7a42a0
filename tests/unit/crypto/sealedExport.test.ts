import 'fake-indexeddb/auto';
// The keyring lives in localStorage.
import { memoryStorage } from '../../setup/memoryStorage.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDataKey } from '../../../src/client/crypto/dataKey.ts';
import { createKeyring, unwrapKeyring, WrongPinError } from '../../../src/client/crypto/keyring.ts';
import { saveKeyring } from '../../../src/client/crypto/keyringStore.ts';
import { DamagedExportError, NotAnExportError, openExportWithPin } from '../../../src/client/crypto/openExport.ts';
import { sealedExport, type SealedExport } from '../../../src/client/crypto/sealedExport.ts';
import { recordChange } from '../../../src/client/db/changes.ts';
import { DB_NAME, openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { clientId } from '../../../src/client/db/meta.ts';
import { acknowledge, pendingBatch, unsyncedRows } from '../../../src/client/db/outbox.ts';
import { addResident, getResident } from '../../../src/client/db/residents.ts';
import { restoreUnsynced } from '../../../src/client/db/restoreUnsynced.ts';
import { exportFileName } from '../../../src/client/ui/download.ts';
import { asText, rawRows } from './rawRows.ts';

const PIN = '246810';
const FAMILY = 'Zahrawi-Oyelaran';
// Few iterations keep the tests fast; the format carries the count, so opening works the same.
const ITERATIONS = 1000;
/** PBKDF2 in the test's thread instead of the key worker. */
const open = (text: string, pin = PIN) => openExportWithPin(text, pin, unwrapKeyring);

let tablet: KartleggDb;
let other: KartleggDb | undefined;
let n = 0;

beforeEach(async () => {
  memoryStorage.clear();
  // The tablet's own database, under the data key the setup unlocked, wrapped under the PIN.
  tablet = openDatabase(DB_NAME);
  saveKeyring((await createKeyring(PIN, rawDataKey().slice(), ITERATIONS)).keyring);
});
afterEach(async () => {
  await tablet.delete();
  await other?.delete();
  other = undefined;
});

/** A synced resident with a later unsynced change, and a new resident never synced. */
async function unsyncedWork(): Promise<{ synced: string; fresh: string }> {
  const synced = await addResident(tablet, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null });
  // Made by the first sync, as on a tablet.
  await clientId(tablet);
  const [created] = await pendingBatch(tablet, 1);
  await acknowledge(tablet, [{ id: created!.mutationId, status: 'applied', version: 4 }]);
  await recordChange(tablet, 'resident', synced, { givenName: 'Aminah' });
  const fresh = await addResident(tablet, { givenName: 'Zuleikha', familyName: FAMILY, birthDate: '1987-06-05' });
  await recordChange(tablet, 'mapping', `m-${fresh}`, { residentId: fresh, mapperName: 'Svartekst' });
  return { synced, fresh };
}

const exportText = async (clientSeqs?: number[]) =>
  JSON.stringify(await sealedExport(clientSeqs ? { clientSeqs } : {}));

describe('the sealed export of unsynced changes', () => {
  it('holds no name, birth date or answer in clear, and opens with the PIN into every change and record', async () => {
    const { synced, fresh } = await unsyncedWork();
    const text = await exportText();
    for (const secret of [FAMILY, 'Zuleikha', '1987-06-05', 'Aminah', 'Svartekst']) expect(text).not.toContain(secret);
    const file = JSON.parse(text) as SealedExport;
    expect(file).toMatchObject({ kind: 'kartlegg-sealed-unsynced', formatVersion: 1 });
    expect(file.keyring.iterations).toBe(ITERATIONS);

    const opened = await open(text);
    expect(opened.mutations).toEqual(await unsyncedRows(tablet));
    expect(opened.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(opened.clientId).toBe(await clientId(tablet));
    expect(opened.records.map((r) => [r.entity, r.record.id])).toEqual([
      ['resident', synced],
      ['resident', fresh],
      ['mapping', `m-${fresh}`],
    ]);
    expect(opened.records[1]?.record).toMatchObject({ givenName: 'Zuleikha', familyName: FAMILY });
  });

  it('seals a row stored in clear (from before encryption) when the app is unlocked', async () => {
    await unsyncedWork();
    const id = crypto.randomUUID();
    const idb = tablet.backendDB();
    await new Promise((resolve, reject) => {
      const tx = idb.transaction(['residents', 'outbox'], 'readwrite');
      tx.objectStore('residents').put({ id, givenName: 'Yonas', familyName: FAMILY, versions: {}, updatedAt: 1 });
      const changes = { givenName: { value: 'Yonas', baseVersion: 0 }, familyName: { value: FAMILY, baseVersion: 0 } };
      tx.objectStore('outbox').put({
        clientSeq: 9,
        mutationId: crypto.randomUUID(),
        entity: 'resident',
        entityId: id,
        changes,
        createdAt: 1,
        status: 'pending',
      });
      tx.oncomplete = resolve;
      tx.onerror = reject;
    });
    const text = await exportText([9]);
    expect(text).not.toContain(FAMILY);
    const opened = await open(text);
    expect(opened.records).toMatchObject([
      { entity: 'resident', record: { id, givenName: 'Yonas', familyName: FAMILY } },
    ]);
    expect(opened.mutations[0]?.changes.familyName?.value).toBe(FAMILY);
  });

  it('holds only the rows asked for, and the records they concern', async () => {
    const { synced } = await unsyncedWork();
    const [first] = await unsyncedRows(tablet);
    const opened = await open(await exportText([first!.clientSeq]));
    expect(opened.mutations).toEqual([first]);
    expect(opened.records.map((r) => r.record.id)).toEqual([synced]);
  });

  it('refuses a wrong PIN, a file that is not an export and an altered file', async () => {
    await unsyncedWork();
    const text = await exportText();
    await expect(open(text, '246811')).rejects.toBeInstanceOf(WrongPinError);
    for (const notExport of [
      'not json',
      '{"kind":"something-else"}',
      JSON.stringify({ ...JSON.parse(text), keyring: null }),
    ]) {
      await expect(open(notExport)).rejects.toBeInstanceOf(NotAnExportError);
    }
    const file = JSON.parse(text) as SealedExport;
    // One bit of one sealed row flipped: GCM's tag fails.
    const altered = structuredClone(file);
    const sealed = Uint8Array.from(atob(altered.tables.residents![0]!._sealed as string), (c) => c.charCodeAt(0));
    sealed[20]! ^= 1;
    altered.tables.residents![0]!._sealed = btoa(String.fromCharCode(...sealed));
    await expect(open(JSON.stringify(altered))).rejects.toBeInstanceOf(DamagedExportError);
    // A sealed part moved onto another row: the additional data (table and primary key) fails.
    const moved = structuredClone(file);
    moved.tables.outbox![0]!._sealed = moved.tables.outbox![1]!._sealed;
    await expect(open(JSON.stringify(moved))).rejects.toBeInstanceOf(DamagedExportError);
    // A row stripped of its sealed part is no export row.
    const stripped = structuredClone(file);
    delete stripped.tables.outbox![0]!._sealed;
    await expect(open(JSON.stringify(stripped))).rejects.toBeInstanceOf(NotAnExportError);
  });

  it('names the file by time only', () => {
    expect(exportFileName(new Date(Date.UTC(2026, 10, 23, 10, 0, 42)))).toBe('kartlegg-unsynced-2026-11-23T10-00.json');
  });
});

describe('putting an opened export back into the outbox', () => {
  it('queues every change under a fresh clientSeq and its own mutation id, once', async () => {
    const { fresh } = await unsyncedWork();
    const mutations = await unsyncedRows(tablet);
    const opened = await open(await exportText());

    // A newly signed-in tablet: its own stream already has a change queued.
    other = openDatabase(`restore-${n++}`);
    await addResident(other, { givenName: 'Ola', familyName: 'Berg', birthDate: null });
    expect(await restoreUnsynced(other, opened, 1000)).toEqual({ queued: mutations.length, alreadyQueued: 0 });
    const outbox = await unsyncedRows(other);
    expect(outbox.map((r) => r.clientSeq)).toEqual([1, 2, 3, 4]);
    expect(outbox.slice(1).map((r) => r.mutationId)).toEqual(mutations.map((m) => m.mutationId));
    expect(outbox.slice(1).map(({ clientSeq: _, ...rest }) => rest)).toEqual(
      mutations.map(({ clientSeq: _, ...rest }) => rest),
    );
    expect(await getResident(other, fresh)).toMatchObject({ givenName: 'Zuleikha', familyName: FAMILY });
    // Sealed on this tablet too.
    expect(asText(await rawRows(other))).not.toContain(FAMILY);

    // The same file again (or on the tablet that made it): nothing more is queued.
    expect(await restoreUnsynced(other, opened)).toEqual({ queued: 0, alreadyQueued: mutations.length });
    expect(await unsyncedRows(other)).toEqual(outbox);
    expect(await restoreUnsynced(tablet, opened)).toEqual({ queued: 0, alreadyQueued: mutations.length });
  });

  it('writes nothing when one change cannot be queued', async () => {
    await unsyncedWork();
    const opened = await open(await exportText());
    other = openDatabase(`restore-${n++}`);
    await addResident(other, { givenName: 'Ola', familyName: 'Berg', birthDate: null });
    const before = await rawRows(other);
    // The last change names an entity this app has no table for: the transaction is abandoned.
    const broken = {
      ...opened,
      mutations: [...opened.mutations.slice(0, -1), { ...opened.mutations.at(-1)!, entity: 'bogus' }],
    };
    await expect(restoreUnsynced(other, broken as typeof opened)).rejects.toThrow();
    expect(await rawRows(other)).toEqual(before);
  });
});
