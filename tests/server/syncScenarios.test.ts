import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import type { Store } from '../../src/server/store/store.ts';
import { postJson } from './fixtures.ts';
import { historyOf, serverRecord, set, syncWorld, type TestClient } from './syncClient.ts';
import { storeCases, useStore } from './stores.ts';

/**
 * The sync scenario matrix (docs/sync-protocol.md), each on every store. The rule checked throughout:
 * no value a tablet wrote is lost — it is the current value, in the field's history, or a conflict's `mine`.
 */
describe.each(storeCases())('sync scenarios on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  /** A resident created by `client`; returns its id and the version that created it. */
  async function created(client: TestClient, givenName = 'Amina', familyName = 'Yusuf') {
    const id = uuidv7();
    const result = await client.send(client.mutation(id, { givenName: set(givenName), familyName: set(familyName) }));
    expect(result.status).toBe('applied');
    return { id, v: result.version ?? 0 };
  }

  const historyCount = async (store: Store, id: string) =>
    (await store.query('SELECT 1 FROM field_history WHERE record_id = $1', [id])).length;

  it('in order: create then edit on the version seen', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const { id, v } = await created(kari);
    const edit = await kari.send(kari.mutation(id, { givenName: set('Amina S.', v) }));
    expect(edit).toEqual({ id: expect.any(String), status: 'applied', version: v + 1 });
    expect(await historyOf(world.store, id, 'givenName')).toEqual(['Amina', 'Amina S.']);
  });

  it('duplicate: the same mutation twice in one batch and again later is applied once', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const id = uuidv7();
    const m = kari.mutation(id, { givenName: set('Ali'), familyName: set('Karimi') });
    const res = await kari.push(m, m);
    expect(res.results[1]).toEqual(res.results[0]);
    expect((await kari.push(m)).results[0]).toEqual(res.results[0]);
    expect(await historyCount(world.store, id)).toBe(2);
    expect(await world.version()).toBe(res.results[0]?.version);
  });

  it('lost response after commit: the resend gets the same result and nothing is doubled', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    await ola.send(ola.mutation(id, { givenName: set('Theirs', v) }));
    // Kari's edit conflicts; the response is lost on the way back.
    const m = kari.mutation(id, { givenName: set('Mine', v), birthDate: set('2001-02-03') });
    await kari.push(m);
    const versionAfter = await world.version();
    const resent = await kari.send(m);
    expect(resent).toMatchObject({ status: 'applied', version: versionAfter, conflicted: ['givenName'] });
    expect(await world.version()).toBe(versionAfter);
    expect(await historyCount(world.store, id)).toBe(4);
    const conflicts = await world.store.query('SELECT 1 FROM conflicts WHERE record_id = $1', [id]);
    expect(conflicts).toHaveLength(1);
  });

  it('out of order within a batch: an edit sent before its create is applied after it', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const id = uuidv7();
    const create = kari.mutation(id, { givenName: set('A'), familyName: set('B') });
    const edit = kari.mutation(id, { familyName: set('C') });
    const res = await kari.push(edit, create);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await serverRecord(world.store, id))?.fields).toEqual({ givenName: 'A', familyName: 'C' });
    expect(res.lastClientSeq).toBe(2);
  });

  it('delete vs edit: the edit is kept, a conflict on `deleted` asks whether to restore; a resolution restores', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    const deleted = await ola.send(ola.mutation(id, { deleted: set(true) }));
    const edit = await kari.send(kari.mutation(id, { familyName: set('Yusuf-Ali', v) }));
    expect(edit).toMatchObject({ status: 'applied', conflicted: ['deleted'] });
    expect(await historyOf(world.store, id, 'familyName')).toEqual(['Yusuf', 'Yusuf-Ali']);
    // A second edit of the still-deleted record does not ask the same question again.
    const again = await kari.send(kari.mutation(id, { givenName: set('Amina B.', v) }));
    expect(again.conflicted).toBeUndefined();

    const pulled = await kari.pull(v);
    const record = pulled.records.find((r) => r.id === id);
    expect(record?.fields).toMatchObject({ deleted: true, familyName: 'Yusuf-Ali', givenName: 'Amina B.' });
    const [conflict] = pulled.conflicts;
    expect(pulled.conflicts).toHaveLength(1);
    expect(conflict).toMatchObject({
      entityId: id,
      field: 'deleted',
      theirs: true,
      theirsVersion: deleted.version,
      theirsBy: 'Ola Nordmann',
      mine: false,
      mineBy: 'Kari Kartlegger',
      resolution: null,
    });

    // Kari restores: a resolution is a mutation, based on the version she saw.
    const restore = await kari.send(
      kari.mutation(id, { deleted: set(false, conflict?.theirsVersion) }, { resolves: [conflict?.id ?? ''] }),
    );
    expect(restore).toMatchObject({ status: 'applied' });
    expect(restore.conflicted).toBeUndefined();
    expect((await serverRecord(world.store, id))?.fields.deleted).toBe(false);
    const after = await ola.pull(again.version);
    expect(after.conflicts).toEqual([
      expect.objectContaining({
        id: conflict?.id,
        version: restore.version,
        resolution: { value: false, by: 'Kari Kartlegger', at: expect.any(String) },
      }),
    ]);
    expect(after.records.find((r) => r.id === id)?.fieldVersions.deleted).toBe(restore.version);
  });

  it('conflict → resolve → edit again, and the conflict in pull shows who, when and the base from history', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    const theirs = await ola.send(ola.mutation(id, { givenName: set('Aminah', v) }));
    const mine = await kari.send(kari.mutation(id, { givenName: set('Amina Y.', v) }));
    expect(mine).toMatchObject({ status: 'applied', version: (theirs.version ?? 0) + 1, conflicted: ['givenName'] });
    // The server's value stays until a person resolves it.
    expect((await serverRecord(world.store, id))?.fields.givenName).toBe('Aminah');

    const pulled = await ola.pull(0);
    expect(pulled.conflicts).toHaveLength(1);
    const conflict = pulled.conflicts[0];
    expect(conflict).toEqual({
      id: expect.any(String),
      entity: 'resident',
      entityId: id,
      field: 'givenName',
      base: 'Amina',
      baseVersion: v,
      theirs: 'Aminah',
      theirsVersion: theirs.version,
      theirsBy: 'Ola Nordmann',
      mine: 'Amina Y.',
      mineBy: 'Kari Kartlegger',
      createdAt: expect.any(String),
      version: mine.version,
      resolution: null,
    });
    expect(Date.now() - Date.parse(conflict?.createdAt ?? '')).toBeLessThan(60_000);
    // The record is stamped too, so a tablet that kept its own value gets the server's back.
    expect(pulled.records.find((r) => r.id === id)?.version).toBe(mine.version);

    // Ola picks Kari's value (based on the version he saw), then edits again on the new version.
    const resolved = await ola.send(
      ola.mutation(id, { givenName: set('Amina Y.', theirs.version) }, { resolves: [conflict?.id ?? ''] }),
    );
    expect(resolved).toMatchObject({ status: 'applied', version: (mine.version ?? 0) + 1 });
    const edited = await kari.send(kari.mutation(id, { givenName: set('Amina Yusuf', resolved.version) }));
    expect(edited.conflicted).toBeUndefined();
    expect(await historyOf(world.store, id, 'givenName')).toEqual(['Amina', 'Aminah', 'Amina Y.', 'Amina Yusuf']);
    const [stored] = await world.store.query<{ resolved_value: unknown; resolved_at: unknown }>(
      'SELECT resolved_value, resolved_at FROM conflicts WHERE id = $1',
      [conflict?.id],
    );
    expect(stored?.resolved_value).toBe('Amina Y.');
    // Resolving an already-resolved conflict does nothing more.
    const late = await kari.send(kari.mutation(id, { birthDate: set(null) }, { resolves: [conflict?.id ?? ''] }));
    expect(late.status).toBe('applied');
    expect((await kari.pull(edited.version)).conflicts).toEqual([]);
  });

  it('a resolution made while the field changed again opens a new conflict instead of overwriting', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    const theirs = await ola.send(ola.mutation(id, { givenName: set('B', v) }));
    await kari.send(kari.mutation(id, { givenName: set('C', v) }));
    const [conflict] = (await kari.pull(0)).conflicts;
    const third = await world.ola(); // a third tablet changes the field meanwhile
    await third.send(third.mutation(id, { givenName: set('D', theirs.version) }));
    const resolution = await kari.send(
      kari.mutation(id, { givenName: set('C', theirs.version) }, { resolves: [conflict?.id ?? ''] }),
    );
    expect(resolution.conflicted).toEqual(['givenName']);
    expect((await serverRecord(world.store, id))?.fields.givenName).toBe('D');
    const open = await world.store.query<{ mine: unknown }>(
      'SELECT mine FROM conflicts WHERE record_id = $1 AND resolved_at IS NULL',
      [id],
    );
    expect(open).toEqual([{ mine: 'C' }]);
  });

  it('concurrent changes to different fields merge without a conflict', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    const a = await kari.send(kari.mutation(id, { givenName: set('Amina S.', v) }));
    const b = await ola.send(ola.mutation(id, { familyName: set('Yusuf-Ali', v), birthDate: set('1990-01-01') }));
    expect([a.conflicted, b.conflicted]).toEqual([undefined, undefined]);
    const row = await serverRecord(world.store, id);
    expect(row?.fields).toEqual({ givenName: 'Amina S.', familyName: 'Yusuf-Ali', birthDate: '1990-01-01' });
    expect(row?.field_meta.givenName?.v).toBe(a.version);
    expect(row?.field_meta.familyName?.v).toBe(b.version);
  });

  it('the same value written concurrently is no conflict (and takes no version)', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const { id, v } = await created(kari);
    await ola.send(ola.mutation(id, { birthDate: set('1990-04-01', v) }));
    const before = await world.version();
    const same = await kari.send(kari.mutation(id, { birthDate: set('1990-04-01', v) }));
    expect(same).toEqual({ id: expect.any(String), status: 'applied' });
    expect(await world.version()).toBe(before);
  });

  it("a client's own successive edits on a stale base do not conflict", async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const { id, v } = await created(kari);
    // Kari has not pulled: she keeps sending the base she saw at creation.
    await kari.send(kari.mutation(id, { givenName: set('Amina 2', v) }));
    const third = await kari.send(kari.mutation(id, { givenName: set('Amina 3', v) }));
    expect(third.conflicted).toBeUndefined();
    // The same client signed in again (a new device) is still the same writer.
    const resigned = await world.kari(kari.clientId);
    const fourth = await resigned.send(resigned.mutation(id, { givenName: set('Amina 4', v) }));
    expect(fourth.conflicted).toBeUndefined();
    expect((await serverRecord(world.store, id))?.fields.givenName).toBe('Amina 4');
    // Another client on that stale base does conflict.
    const ola = await world.ola();
    expect((await ola.send(ola.mutation(id, { givenName: set('Other', v) }))).conflicted).toEqual(['givenName']);
  });

  it('schema N−1: a protocol-1 tablet pushes, protocol-2 tablets see and edit its records', async () => {
    const world = await syncWorld(getStore());
    const old = await world.kari();
    const id = uuidv7();
    const res = await postJson(
      world.app,
      '/api/sync/push',
      {
        protocol: 1,
        deviceId: old.session.deviceId,
        mutations: [
          {
            id: uuidv7(),
            clientSeq: 1,
            entity: 'resident',
            entityId: id,
            op: 'upsert',
            fields: { givenName: 'Old', familyName: 'Tablet' },
          },
        ],
      },
      old.session.token,
    );
    const pushed = PushResponse.parse(await res.json());
    expect(pushed.results[0]?.status).toBe('applied');
    const ola = await world.ola();
    const { records } = await ola.pull(0);
    const record = records.find((r) => r.id === id);
    expect(record?.fields).toEqual({ givenName: 'Old', familyName: 'Tablet' });
    const edit = await ola.send(ola.mutation(id, { familyName: set('Tablet 2', record?.fieldVersions.familyName) }));
    expect(edit.conflicted).toBeUndefined();
    // Pull is a protocol-2 request.
    expect((await old.pullRaw('protocol=1&cursor=0')).status).toBe(426);
  });

  it('pull reset: a cursor the server does not know asks the client to start over', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    await created(kari);
    const res = await kari.pull((await world.version()) + 10);
    expect(res).toEqual({
      reset: true,
      cursor: 0,
      more: false,
      lastClientSeq: 1,
      records: [],
      conflicts: [],
      settings: { deadlineDays: 14, tabletPurgeDays: 14, retentionDays: 365, autoLockMinutes: 5 },
    });
  });

  it('pull paging: `more` until every record came exactly once, ending at the municipality version', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await created(kari, `G${i}`)).id);
    // Touch the first one again: it moves to the end and must not come twice.
    await kari.send(kari.mutation(ids[0] ?? '', { birthDate: set(null) }));
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await kari.pull(cursor, 2);
      pages++;
      expect(page.records.length).toBeLessThanOrEqual(2);
      seen.push(...page.records.map((r) => r.id));
      expect(page.cursor).toBeGreaterThan(cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
    expect(cursor).toBe(await world.version());
    const empty = await kari.pull(cursor, 2);
    expect(empty).toMatchObject({ reset: false, more: false, cursor, records: [], conflicts: [] });
  });

  it('a poison mutation does not block the rest of the queue', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const { id, v } = await created(kari);
    const poison = kari.mutation(id, { givenName: set({ not: 'a name' }, v) });
    const unknownField = kari.mutation(id, { shoeSize: set(42, v) });
    // PostgreSQL's jsonb cannot store U+0000: without care this one would fail on every resend.
    const nul = kari.mutation(id, { familyName: set('Nul\u0000Name', v) });
    const good = kari.mutation(id, { familyName: set('Yusuf-Ali', v) });
    const res = await kari.push(poison, unknownField, nul, good);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    // Resending the whole batch changes nothing and answers the same.
    expect((await kari.push(poison, unknownField, nul, good)).results).toEqual(res.results);
    expect((await serverRecord(world.store, id))?.fields.familyName).toBe('Yusuf-Ali');
    expect(res.lastClientSeq).toBe(good.clientSeq);
  });

  it('another municipality is isolated: its records are not found, not pulled, and its conflicts not shown', async () => {
    const a = await syncWorld(getStore());
    const b = await syncWorld(getStore());
    const ka = await a.kari();
    const oa = await a.ola();
    const kb = await b.kari();
    const { id, v } = await created(ka);
    await oa.send(oa.mutation(id, { givenName: set('X', v) }));
    await ka.send(ka.mutation(id, { givenName: set('Y', v) }));
    const res = await kb.send(kb.mutation(id, { givenName: set('Z', 99) }));
    expect(res).toMatchObject({ status: 'rejected', reason: 'not_found' });
    const mine = await created(kb);
    const pulled = await kb.pull(0);
    expect(pulled.records.map((r) => r.id)).toEqual([mine.id]);
    expect(pulled.conflicts).toEqual([]);
    expect(pulled.cursor).toBe(await b.version());
    expect((await serverRecord(a.store, id))?.fields.givenName).toBe('X');
  });

  it('concurrent pushes: the same mutation in flight twice and many tablets on one record lose nothing', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const { id, v } = await created(kari);
    // The same client on two devices (signed in again while a push hung), so neither waits on the other's device row.
    const kariAgain = await world.kari(kari.clientId);
    const m = kari.mutation(id, { birthDate: set('2000-01-01', v) });
    const [r1, r2] = await Promise.all([kari.send(m), kariAgain.send(m)]);
    expect(r2).toEqual(r1);
    // Two clients creating the same new record at once: one creates it, the other merges into it.
    const newId = uuidv7();
    const [c1, c2] = await Promise.all(
      [kari, kariAgain].map((t, i) =>
        t.send(t.mutation(newId, { givenName: set(`New ${i}`), familyName: set('Same') }, {})),
      ),
    );
    expect([c1?.status, c2?.status]).toEqual(['applied', 'applied']);
    expect(await historyOf(world.store, newId, 'givenName')).toHaveLength(2);
    const tablets = await Promise.all(Array.from({ length: 6 }, () => world.ola()));
    const results = await Promise.all(
      tablets.map((t, i) => t.send(t.mutation(id, { givenName: set(`Name ${i}`, v), familyName: set(`F${i}`, v) }))),
    );
    const current = await serverRecord(world.store, id);
    const open = await world.store.query<{ field: string; mine: string }>(
      'SELECT field, mine FROM conflicts WHERE record_id = $1',
      [id],
    );
    const history = await historyOf(world.store, id, 'givenName');
    // Every written value is the current one, in history, or a conflict's `mine`.
    for (let i = 0; i < tablets.length; i++) {
      const kept = history.includes(`Name ${i}`) || open.some((c) => c.mine === `Name ${i}`);
      expect(kept).toBe(true);
    }
    expect(history).toContain(current?.fields.givenName);
    // One writer won each field; the five others are conflicts; every stamp is a distinct version.
    expect(open.filter((c) => c.field === 'givenName')).toHaveLength(5);
    const versions = [r1.version, ...results.map((r) => r.version)];
    expect(new Set(versions).size).toBe(versions.length);
    expect(await world.version()).toBe(Math.max(...versions.map(Number)));
  });
});
