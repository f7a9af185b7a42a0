import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { set, syncWorld } from './syncClient.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('sync pull on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('returns full snapshots with field versions, oldest first, and the device’s lastClientSeq', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const a = uuidv7();
    const b = uuidv7();
    const ca = await kari.send(kari.mutation(a, { givenName: set('A'), familyName: set('One'), birthDate: set(null) }));
    const cb = await kari.send(kari.mutation(b, { givenName: set('B'), familyName: set('Two') }));
    const ea = await kari.send(kari.mutation(a, { deleted: set(true) }));
    const ola = await world.ola();
    const page = await ola.pull(0);
    expect(page).toEqual({
      reset: false,
      cursor: ea.version,
      more: false,
      lastClientSeq: 0,
      records: [
        {
          entity: 'resident',
          id: b,
          version: cb.version,
          fields: { givenName: 'B', familyName: 'Two' },
          fieldVersions: { givenName: cb.version, familyName: cb.version },
        },
        {
          entity: 'resident',
          id: a,
          version: ea.version,
          // A deleted record still comes, so every tablet drops it.
          fields: { givenName: 'A', familyName: 'One', birthDate: null, deleted: true },
          fieldVersions: { givenName: ca.version, familyName: ca.version, birthDate: ca.version, deleted: ea.version },
        },
      ],
      conflicts: [],
      settings: { deadlineDays: 14, tabletPurgeDays: 14, retentionDays: 365, autoLockMinutes: 5 },
    });
    expect((await kari.pull(0)).lastClientSeq).toBe(3);
    expect((await kari.pull(cb.version)).records.map((r) => r.id)).toEqual([a]);
  });

  it('answers an empty municipality with cursor 0 and nothing more', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    expect(await kari.pull(0)).toEqual({
      reset: false,
      cursor: 0,
      more: false,
      lastClientSeq: 0,
      records: [],
      conflicts: [],
      settings: { deadlineDays: 14, tabletPurgeDays: 14, retentionDays: 365, autoLockMinutes: 5 },
    });
  });

  it('carries mappings too (an open entity: answers are fields named by question)', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const resident = uuidv7();
    const mapping = uuidv7();
    await kari.send(kari.mutation(resident, { givenName: set('A'), familyName: set('B') }));
    const res = await kari.send(
      kari.mutation(mapping, { residentId: set(resident), q_languages: set(['no', 'ar']) }, { entity: 'mapping' }),
    );
    expect(res.status).toBe('applied');
    const { records } = await kari.pull(0);
    expect(records[1]).toMatchObject({ entity: 'mapping', id: mapping, fields: { q_languages: ['no', 'ar'] } });
    // The same id under another entity is not that record.
    const wrong = await kari.send(kari.mutation(mapping, { givenName: set('X', 99) }));
    expect(wrong).toMatchObject({ status: 'rejected', reason: 'not_found' });
  });

  it('delivers a conflict when it is created and again when it is resolved', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const id = uuidv7();
    const c = await kari.send(kari.mutation(id, { givenName: set('A'), familyName: set('B') }));
    const theirs = await ola.send(ola.mutation(id, { familyName: set('Ola', c.version) }));
    const mine = await kari.send(kari.mutation(id, { familyName: set('Kari', c.version) }));
    const first = await kari.pull(theirs.version);
    expect(first.conflicts.map((x) => [x.field, x.version, x.resolution])).toEqual([
      ['familyName', mine.version, null],
    ]);
    const conflictId = first.conflicts[0]?.id ?? '';
    // Keeping the server's value: a resolution with no change.
    const kept = await ola.send(ola.mutation(id, {}, { resolves: [conflictId] }));
    expect(kept).toMatchObject({ status: 'applied', version: (mine.version ?? 0) + 1 });
    const second = await kari.pull(first.cursor);
    expect(second.conflicts).toEqual([
      expect.objectContaining({
        id: conflictId,
        version: kept.version,
        resolution: { value: 'Ola', by: 'Ola Nordmann', at: expect.any(String) },
      }),
    ]);
    // The record is re-stamped, so it comes along with its conflict.
    expect(second.records.map((r) => [r.id, r.version])).toEqual([[id, kept.version]]);
  });

  it('validates the query: 426 for a protocol without pull, 400 for a bad cursor or limit, 401 without a token', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const unsupported = await kari.pullRaw('protocol=99&cursor=0');
    expect(unsupported.status).toBe(426);
    expect(unsupported.body).toMatchObject({ error: { code: 'protocol_unsupported' } });
    expect((await kari.pullRaw('protocol=2')).status).toBe(400);
    expect((await kari.pullRaw('protocol=2&cursor=-1')).status).toBe(400);
    expect((await kari.pullRaw('protocol=2&cursor=0&limit=0')).status).toBe(400);
    expect((await kari.pullRaw('protocol=2&cursor=0&limit=1001')).status).toBe(400);
    expect((await kari.pullRaw('protocol=2&cursor=abc')).status).toBe(400);
    expect((await world.app.request('/api/sync/pull?protocol=2&cursor=0')).status).toBe(401);
  });
});
