import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { recordChange } from '../../../src/client/db/changes.ts';
import { openDatabase, type ConflictRow, type KartleggDb } from '../../../src/client/db/database.ts';
import { getMeta, setMeta } from '../../../src/client/db/meta.ts';
import { decidePurge, purgeFinished, type PurgeInput } from '../../../src/client/db/purge.ts';
import { applyServerChanges } from '../../../src/client/sync/applyServerChanges.ts';
import { uuidv7 } from '../../../src/domain/uuidv7.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 12);

let db: KartleggDb;
let n = 0;
afterEach(() => db.delete());

/** A resident and its mapping as a pull left them: synced, no outbox row. */
async function synced(status: string | null, { updatedAt = T0, deleted = false } = {}) {
  const resident = uuidv7();
  const mapping = uuidv7();
  await db.residents.put({
    id: resident,
    givenName: 'Amina',
    familyName: 'Yusuf',
    birthDate: null,
    versions: { givenName: 1, familyName: 1, birthDate: 1 },
    updatedAt,
    ...(deleted ? { deleted } : {}),
  });
  await db.mappings.put({
    id: mapping,
    residentId: resident,
    ...(status === null ? {} : { status }),
    q_languages: ['ar'],
    versions: { residentId: 2, status: 2, q_languages: 2 },
    updatedAt,
    ...(deleted ? { deleted } : {}),
  });
  return { resident, mapping };
}

function conflict(entityId: string, status: 'open' | 'resolved'): ConflictRow {
  return {
    id: uuidv7(),
    entity: 'mapping',
    entityId,
    field: 'q_languages',
    base: ['ar'],
    baseVersion: 2,
    theirs: ['fa'],
    theirsVersion: 3,
    theirsBy: 'Kari',
    mine: ['so'],
    mineBy: 'Ola',
    createdAt: new Date(T0).toISOString(),
    version: 3,
    resolution: status === 'open' ? null : { value: ['fa'], by: 'Kari', at: new Date(T0).toISOString() },
    status,
  };
}

const ids = async () => ({
  residents: (await db.residents.toCollection().primaryKeys()).sort(),
  mappings: (await db.mappings.toCollection().primaryKeys()).sort(),
});

describe('tablet purge (Dexie)', () => {
  it('removes a complete, synced resident and its mappings once the days have passed, and nothing else', async () => {
    db = openDatabase(`purge-${n++}`);
    const done = await synced('complete');
    const partial = await synced('partial');
    const noMapping = uuidv7();
    await db.residents.put({
      id: noMapping,
      givenName: 'O',
      familyName: 'B',
      birthDate: null,
      versions: {},
      updatedAt: T0,
    });
    // A resolved conflict of the finished mapping still holds values: it goes with it.
    await db.conflicts.put(conflict(done.mapping, 'resolved'));

    expect(await purgeFinished(db, T0)).toEqual({ residents: 0, mappings: 0 });
    expect(await getMeta(db, 'purgeClock')).toEqual({ [done.resident]: T0 });
    // Not yet 14 days (the default before a pull carried the setting): kept.
    expect(await purgeFinished(db, T0 + 14 * DAY - 1)).toEqual({ residents: 0, mappings: 0 });

    expect(await purgeFinished(db, T0 + 14 * DAY)).toEqual({ residents: 1, mappings: 1 });
    expect(await db.residents.get(done.resident)).toBeUndefined();
    expect(await db.mappings.get(done.mapping)).toBeUndefined();
    expect(await db.conflicts.count()).toBe(0);
    expect(await ids()).toEqual({
      residents: [partial.resident, noMapping].sort(),
      mappings: [partial.mapping],
    });
    expect(await getMeta(db, 'purgeClock')).toEqual({});
  });

  it('never purges a resident with an unsynced edit, a rejected change or an open conflict', async () => {
    db = openDatabase(`purge-${n++}`);
    await setMeta(db, 'tabletPurgeDays', 0);
    const edited = await synced('complete');
    await recordChange(db, 'mapping', edited.mapping, { q_languages: ['ar', 'en'] }, { now: T0 });
    const rejected = await synced('complete');
    await db.outbox.add({
      clientSeq: 99,
      mutationId: uuidv7(),
      entity: 'resident',
      entityId: rejected.resident,
      changes: { givenName: { value: 'X', baseVersion: 1 } },
      createdAt: T0,
      status: 'rejected',
      reason: 'invalid',
    });
    const clash = await synced('complete');
    await db.conflicts.put(conflict(clash.mapping, 'open'));

    expect(await purgeFinished(db, T0 + 100 * DAY)).toEqual({ residents: 0, mappings: 0 });
    expect((await ids()).residents).toEqual([edited.resident, rejected.resident, clash.resident].sort());
    // Their clocks have not started: the days count from when they are finished AND synced.
    expect(await getMeta(db, 'purgeClock')).toEqual({});
  });

  it('uses the purge days the last pull carried', async () => {
    db = openDatabase(`purge-${n++}`);
    await setMeta(db, 'tabletPurgeDays', 3);
    const done = await synced('complete');
    await purgeFinished(db, T0);
    expect(await purgeFinished(db, T0 + 2 * DAY)).toEqual({ residents: 0, mappings: 0 });
    expect(await purgeFinished(db, T0 + 3 * DAY)).toEqual({ residents: 1, mappings: 1 });
    expect(await db.residents.get(done.resident)).toBeUndefined();
  });

  it('a purged record stays away at the next pull, and comes back only when it changes on the server', async () => {
    db = openDatabase(`purge-${n++}`);
    await setMeta(db, 'tabletPurgeDays', 0);
    await setMeta(db, 'cursor', 2);
    const done = await synced('complete');
    await purgeFinished(db, T0);
    expect(await db.residents.count()).toBe(0);
    const page = { reset: false, cursor: 2, more: false, lastClientSeq: 0, records: [], conflicts: [] };
    await applyServerChanges(db, page);
    expect(await db.residents.count()).toBe(0);
    await applyServerChanges(db, {
      ...page,
      cursor: 3,
      records: [
        {
          entity: 'resident',
          id: done.resident,
          version: 3,
          fields: { givenName: 'Amina', familyName: 'Yusuf-Ali' },
          fieldVersions: { givenName: 1, familyName: 3 },
        },
      ],
    });
    expect((await db.residents.get(done.resident))?.familyName).toBe('Yusuf-Ali');
    expect(await getMeta(db, 'cursor')).toBe(3);
  });
});

describe('decidePurge (pure)', () => {
  const base = (over: Partial<PurgeInput> = {}): PurgeInput => ({
    residents: [{ id: 'r1', updatedAt: T0 }],
    mappings: [{ id: 'm1', residentId: 'r1', status: 'complete', updatedAt: T0 }],
    unsynced: new Set(),
    conflicted: new Set(),
    clock: {},
    now: T0,
    purgeDays: 14,
    ...over,
  });

  it('starts the clock at the first sync that finds the resident finished, not at an old updatedAt', () => {
    // Pulled a month ago, completed on another tablet since: its rows still carry the old time.
    const old = T0 - 30 * DAY;
    const input = base({
      residents: [{ id: 'r1', updatedAt: old }],
      mappings: [{ id: 'm1', residentId: 'r1', status: 'complete', updatedAt: old }],
    });
    expect(decidePurge(input)).toEqual({ residentIds: [], mappingIds: [], clock: { r1: T0 } });
    expect(decidePurge({ ...input, clock: { r1: T0 }, now: T0 + 14 * DAY })).toMatchObject({
      residentIds: ['r1'],
      mappingIds: ['m1'],
    });
  });

  it('keeps a resident still on the NIR lists, so next week’s import finds them again', () => {
    const listed = { id: 'r1', updatedAt: T0, listedOn: '2026-11-16', unlisted: false };
    const input = base({ residents: [listed], clock: { r1: T0 }, now: T0 + 30 * DAY });
    expect(decidePurge(input).residentIds).toEqual([]);
    expect(decidePurge({ ...input, residents: [{ ...listed, unlisted: true }] }).residentIds).toEqual(['r1']);
  });

  it('counts from a later local change when there is one', () => {
    const input = base({
      mappings: [{ id: 'm1', residentId: 'r1', status: 'complete', updatedAt: T0 + 5 * DAY }],
      clock: { r1: T0 },
      now: T0 + 14 * DAY,
    });
    expect(decidePurge(input).residentIds).toEqual([]);
    expect(decidePurge({ ...input, now: T0 + 19 * DAY }).residentIds).toEqual(['r1']);
  });

  it('needs every live mapping of the resident complete', () => {
    const mappings = [
      { id: 'm1', residentId: 'r1', status: 'complete', updatedAt: T0 },
      { id: 'm2', residentId: 'r1', status: 'partial', updatedAt: T0 },
    ];
    expect(decidePurge(base({ mappings, purgeDays: 0 })).residentIds).toEqual([]);
    // A deleted second mapping does not count, but leaves with the resident.
    const deleted = [mappings[0]!, { ...mappings[1]!, deleted: true }];
    expect(decidePurge(base({ mappings: deleted, purgeDays: 0 }))).toMatchObject({
      residentIds: ['r1'],
      mappingIds: ['m1', 'm2'],
    });
  });

  it('is blocked by an outbox row or an open conflict on the resident or any of its mappings', () => {
    for (const over of [
      { unsynced: new Set(['r1']) },
      { unsynced: new Set(['m1']) },
      { conflicted: new Set(['r1']) },
      { conflicted: new Set(['m1']) },
    ]) {
      expect(
        decidePurge(base({ ...over, clock: { r1: T0 }, now: T0 + 99 * DAY })),
        JSON.stringify([...Object.values(over)[0]!]),
      ).toEqual({
        residentIds: [],
        mappingIds: [],
        clock: { r1: T0 },
      });
    }
    // Another record's outbox row does not.
    expect(decidePurge(base({ unsynced: new Set(['x']), purgeDays: 0 })).residentIds).toEqual(['r1']);
  });

  it('also removes what is left only as tombstones (erased by the server or deleted), after the days', () => {
    const input = base({
      residents: [{ id: 'r1', updatedAt: T0, deleted: true }],
      mappings: [{ id: 'm1', residentId: 'r1', deleted: true, updatedAt: T0 }],
    });
    expect(decidePurge(input)).toEqual({ residentIds: [], mappingIds: [], clock: { r1: T0 } });
    expect(decidePurge({ ...input, clock: { r1: T0 }, now: T0 + 14 * DAY }).mappingIds).toEqual(['m1']);
    // But a live resident whose mapping was deleted is still to be mapped.
    const live = base({ mappings: [{ id: 'm1', residentId: 'r1', deleted: true, updatedAt: T0 }], purgeDays: 0 });
    expect(decidePurge(live)).toEqual({ residentIds: [], mappingIds: [], clock: {} });
  });

  it('forgets clocks of residents no longer finished or no longer here', () => {
    const input = base({
      mappings: [{ id: 'm1', residentId: 'r1', status: 'partial', updatedAt: T0 }],
      clock: { r1: T0 - DAY, gone: T0 - DAY },
    });
    expect(decidePurge(input).clock).toEqual({});
  });
});
