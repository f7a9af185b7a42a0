import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { additionalData, sealJsonAsync, webKey } from '../../../src/client/crypto/sealing.ts';
import { dataKeyOf, openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { recordChange, recordChanges } from '../../../src/client/db/changes.ts';
import { addResident, listResidents } from '../../../src/client/db/residents.ts';
import { observe } from '../../../src/client/db/observe.ts';
import { asText, rawRows } from '../crypto/rawRows.ts';

let db: KartleggDb;
let n = 0;
const fresh = () => (db = openDatabase(`snapshot-${n++}`));
afterEach(() => db.delete());

const person = (familyName: string) => ({ givenName: 'Amina', familyName, birthDate: '1990-04-02' });

/** The roster as the screen shows it: names in order. */
const names = async () => (await listResidents(db)).map((r) => r.familyName);

/** Waits for the snapshot the last read scheduled, and returns its generation. */
async function snapshotMade(previous?: string): Promise<string> {
  return vi.waitFor(async () => {
    const gen = (await db.snapshots.toArray())[0]?.gen;
    if (!gen || gen === previous) throw new Error('no new snapshot yet');
    return gen;
  });
}

describe('the roster snapshot', () => {
  it('is made after the first read, sealed, and empties the journal it took in', async () => {
    fresh();
    await addResident(db, person('Haile'));
    await addResident(db, person('Ahmadi'));
    expect(await db.residentJournal.count()).toBe(2);
    expect(await names()).toEqual(['Ahmadi', 'Haile']);
    await snapshotMade();
    expect(await db.residentJournal.count()).toBe(0);
    const raw = asText(await rawRows(db, ['snapshots', 'residentJournal']));
    expect(raw).toContain('residents/0');
    expect(raw).not.toContain('Haile');
    expect(raw).not.toContain('1990-04-02');
    expect(await names()).toEqual(['Ahmadi', 'Haile']);
  });

  it('gives back exactly the roster fields: null stays null, a missing field stays missing', async () => {
    fresh();
    const a = await addResident(db, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null });
    const b = await addResident(db, { ...person('Haile'), language: 'ti', receptionCentre: 'Fjellheim', duf: null });
    await recordChange(db, 'resident', b, { unlisted: false, rosterClass: 'targetGroup', deadline: '2026-12-01' });
    // Strings that recur are stored once in the part's dictionary.
    await addResident(db, {
      ...person('Tesfay'),
      language: 'ti',
      receptionCentre: 'Fjellheim',
      deadline: '2026-12-01',
    });
    const before = await listResidents(db);
    await snapshotMade();
    const after = await listResidents(db);
    expect(after).toStrictEqual(before);
    expect(after.find((r) => r.id === a)).toStrictEqual({
      id: a,
      givenName: 'Amina',
      familyName: 'Yusuf',
      birthDate: null,
    });
  });

  it('follows every kind of write after it: change, tombstone, add, hard delete, clear', async () => {
    fresh();
    const haile = await addResident(db, person('Haile'));
    const ahmadi = await addResident(db, person('Ahmadi'));
    await names();
    await snapshotMade();

    await recordChange(db, 'resident', haile, { familyName: 'Tesfay' });
    await addResident(db, person('Bakr'));
    expect(await db.residentJournal.count()).toBe(2);
    expect(await names()).toEqual(['Ahmadi', 'Bakr', 'Tesfay']);

    await recordChange(db, 'resident', ahmadi, { deleted: true });
    expect(await names()).toEqual(['Bakr', 'Tesfay']);

    await db.residents.delete(haile);
    expect(await names()).toEqual(['Bakr']);

    await db.residents.clear();
    expect(await names()).toEqual([]);
    await addResident(db, person('Yusuf'));
    expect(await names()).toEqual(['Yusuf']);
  });

  it('journals a bulk write of thousands in one row, and a read after it equals the table', async () => {
    fresh();
    await addResident(db, person('First'));
    await names();
    const first = await snapshotMade();
    const changes = Array.from({ length: 1500 }, (_, i) => ({
      entityId: crypto.randomUUID(),
      values: person(`Name${String(i).padStart(4, '0')}`),
      isNew: true,
    }));
    await recordChanges(db, 'resident', changes, { chunkSize: 1500 });
    expect(await db.residentJournal.count()).toBe(1);
    const listed = await names();
    expect(listed).toHaveLength(1501);
    expect(listed).toEqual((await db.residents.toArray()).map((r) => r.familyName).sort());
    // 1,500 journalled ids are over the threshold: the snapshot is made again, in parts of 1,500.
    await snapshotMade(first);
    expect(await db.residentJournal.count()).toBe(0);
    const parts = await db.snapshots.toArray();
    expect(parts.map((p) => [p.part, p.parts])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(await names()).toEqual(listed);
  });

  it('tells a live query of the roster of every write, the snapshot’s own refresh included', async () => {
    fresh();
    const haile = await addResident(db, person('Haile'));
    const seen: string[][] = [];
    const stop = observe(db, listResidents, (rows) => seen.push(rows.map((r) => r.familyName)));
    try {
      await snapshotMade();
      await recordChange(db, 'resident', haile, { familyName: 'Tesfay' });
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Tesfay']));
      await addResident(db, person('Ahmadi'));
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Ahmadi', 'Tesfay']));
    } finally {
      stop();
    }
  });

  it('leaves no journal row behind a write whose transaction failed', async () => {
    fresh();
    await expect(
      db.transaction('rw', db.residents, async () => {
        await db.residents.put({ id: crypto.randomUUID(), versions: {}, updatedAt: 0, ...person('Gone') });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.residentJournal.count()).toBe(0);
    expect(await db.residents.count()).toBe(0);
  });

  it('reads every row when the snapshot does not open, and makes a new one', async () => {
    fresh();
    await addResident(db, person('Haile'));
    await names();
    const gen = await snapshotMade();
    const stored = await db.snapshots.get('residents/0');
    if (!stored) throw new Error('no snapshot');
    const altered = stored.blob.slice();
    altered[20] = (altered[20] ?? 0) ^ 1;
    await db.snapshots.put({ ...stored, blob: altered });
    expect(await names()).toEqual(['Haile']);
    expect(await snapshotMade(gen)).not.toBe(gen);
    expect(await names()).toEqual(['Haile']);
  });

  it('does not open a snapshot in an older format: reads every row, and makes a new one', async () => {
    fresh();
    const a = await addResident(db, person('Haile'));
    const b = await addResident(db, person('Ahmadi'));
    const before = await listResidents(db);
    const gen = await snapshotMade();
    // Format 1: the rows alone. Read as format 2 it would give two wrong rows (as many as the table).
    const format1 = JSON.stringify([
      [a, 'Amina', 'Haile', '1990-04-02'],
      [b, 'Amina'],
    ]);
    const key = await webKey(dataKeyOf(db));
    const blob = await sealJsonAsync(key, format1, additionalData('snapshots', ['residents/', gen, 0, 1]));
    await db.snapshots.clear();
    await db.snapshots.put({ key: 'residents/0', gen, part: 0, parts: 1, blob });
    expect(await listResidents(db)).toStrictEqual(before);
    expect(await snapshotMade(gen)).not.toBe(gen);
    expect(await listResidents(db)).toStrictEqual(before);
  });

  it('is not replaced by a read that saw an older snapshot (another tab made a newer one meanwhile)', async () => {
    fresh();
    await addResident(db, person('Haile'));
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      // No snapshot yet: the read schedules one, which waits on the (fake) timer.
      expect(await names()).toEqual(['Haile']);
      await db.snapshots.put({ key: 'residents/0', gen: 'other-tab', part: 0, parts: 1, blob: new Uint8Array(40) });
      vi.runAllTimers();
    } finally {
      vi.useRealTimers();
    }
    // The refresh found a snapshot it had not read and left it, and the journal with it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await db.snapshots.get('residents/0'))?.gen).toBe('other-tab');
    expect(await db.residentJournal.count()).toBe(1);
  });
});
