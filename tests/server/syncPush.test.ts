import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import { postJson } from './fixtures.ts';
import { serverRecord, set, syncWorld } from './syncClient.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('sync push on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('applies field changes, stamps municipality versions and records lastClientSeq', async () => {
    const world = await syncWorld(getStore());
    const tablet = await world.kari();
    const id = uuidv7();
    const created = await tablet.send(
      tablet.mutation(id, { givenName: set('Amina'), familyName: set('Yusuf'), birthDate: set(null) }),
    );
    expect(created).toMatchObject({ status: 'applied', version: expect.any(Number) });
    const second = await tablet.push(tablet.mutation(id, { birthDate: set('1990-04-01', created.version) }));
    expect(second.lastClientSeq).toBe(2);
    expect(second.results[0]?.version).toBeGreaterThan(created.version ?? Infinity);
    const row = await serverRecord(world.store, id);
    expect(row?.fields).toEqual({ givenName: 'Amina', familyName: 'Yusuf', birthDate: '1990-04-01' });
    expect(row?.field_meta.givenName?.v).toBe(created.version);
    expect(row?.field_meta.birthDate?.v).toBe(second.results[0]?.version);
    expect(await world.version()).toBe(second.results[0]?.version);
  });

  it('is idempotent per client: a resent mutation returns the stored result and changes nothing', async () => {
    const world = await syncWorld(getStore());
    const tablet = await world.kari();
    const m = tablet.mutation(uuidv7(), { givenName: set('Ali'), familyName: set('Karimi') });
    const once = await tablet.push(m);
    const twice = await tablet.push(m);
    expect(twice.results).toEqual(once.results);
    expect(await world.store.query('SELECT 1 FROM mutations WHERE id = $1', [m.id])).toHaveLength(1);
    // After a new sign-in the client (and its outbox) is the same: its mutation is still recognised.
    const again = await world.kari(tablet.clientId);
    expect((await again.push(m)).results).toEqual(once.results);
  });

  it('returns the stored result to the same user on another client (an export re-queued) and changes nothing', async () => {
    const world = await syncWorld(getStore());
    const old = await world.kari();
    const id = uuidv7();
    const m = old.mutation(id, { givenName: set('Sara'), familyName: set('Haile') });
    const once = await old.push(m);
    const before = await world.version();
    const fresh = await world.kari();
    expect(fresh.clientId).not.toBe(old.clientId);
    expect((await fresh.push({ ...m, changes: { givenName: set('Other', 99) } })).results).toEqual(once.results);
    expect(await world.version()).toBe(before);
    expect((await serverRecord(world.store, id))?.fields.givenName).toBe('Sara');
  });

  it('rejects the same mutation id from another user as duplicate_id and touches nothing', async () => {
    const world = await syncWorld(getStore());
    const kari = await world.kari();
    const ola = await world.ola();
    const id = uuidv7();
    const m = kari.mutation(id, { givenName: set('Sara'), familyName: set('Haile') });
    await kari.push(m);
    const before = await world.version();
    const stolen = { ...m, changes: { givenName: set('Other', 99) } };
    expect((await ola.push(stolen)).results[0]).toEqual({ id: m.id, status: 'rejected', reason: 'duplicate_id' });
    expect(await world.version()).toBe(before);
    expect((await serverRecord(world.store, id))?.fields.givenName).toBe('Sara');
  });

  it('stores an invalid mutation as rejected, acknowledges it, and applies the rest of the batch', async () => {
    const world = await syncWorld(getStore());
    const tablet = await world.kari();
    const good = tablet.mutation(uuidv7(), { givenName: set('Sara'), familyName: set('Haile') });
    const incomplete = tablet.mutation(uuidv7(), { givenName: set('Only') });
    const badValue = tablet.mutation(uuidv7(), { givenName: set(''), familyName: set('X') });
    const bad = { id: uuidv7(), clientSeq: 4, entity: 'spaceship', changes: {} };
    const res = await tablet.push(bad, good, incomplete, badValue);
    expect(res.results.map((r) => [r.id, r.status, r.reason])).toEqual([
      [bad.id, 'rejected', 'invalid'],
      [good.id, 'applied', undefined],
      [incomplete.id, 'rejected', 'incomplete_new_record'],
      [badValue.id, 'rejected', 'invalid'],
    ]);
    const kept = await world.store.query<{ status: string; reason: string }>(
      'SELECT status, reason FROM mutations WHERE id = $1',
      [bad.id],
    );
    expect(kept).toEqual([{ status: 'rejected', reason: 'invalid' }]);
    expect(res.lastClientSeq).toBe(4);
  });

  it('applies a batch in clientSeq order and answers in request order', async () => {
    const world = await syncWorld(getStore());
    const tablet = await world.kari();
    const id = uuidv7();
    const create = tablet.mutation(id, { givenName: set('A'), familyName: set('B') });
    const edit = tablet.mutation(id, { familyName: set('C') });
    const res = await tablet.push(edit, create);
    expect(res.results.map((r) => [r.id, r.status])).toEqual([
      [edit.id, 'applied'],
      [create.id, 'applied'],
    ]);
    expect(res.results[0]?.version).toBeGreaterThan(res.results[1]?.version ?? Infinity);
    expect((await serverRecord(world.store, id))?.fields.familyName).toBe('C');
  });

  it("never touches another municipality's record", async () => {
    const a = await syncWorld(getStore());
    const b = await syncWorld(getStore());
    const ta = await a.kari();
    const tb = await b.kari();
    const id = uuidv7();
    await ta.push(ta.mutation(id, { givenName: set('Hidden'), familyName: set('Person') }));
    const res = await tb.push(tb.mutation(id, { givenName: set('Overwritten', 999) }));
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'not_found' });
    expect((await serverRecord(a.store, id))?.fields.givenName).toBe('Hidden');
  });

  it('speaks protocol 1 (a schema N−1 tablet): upserts read as changes on base version 0, writer = device', async () => {
    const world = await syncWorld(getStore());
    const { session } = await world.kari();
    const id = uuidv7();
    const v1 = (clientSeq: number, fields: Record<string, unknown>) => ({
      id: uuidv7(),
      clientSeq,
      entity: 'resident',
      entityId: id,
      op: 'upsert',
      fields,
    });
    const push = async (mutations: unknown[]) => {
      const res = await postJson(
        world.app,
        '/api/sync/push',
        { protocol: 1, deviceId: session.deviceId, mutations },
        session.token,
      );
      expect(res.status).toBe(200);
      return PushResponse.parse(await res.json());
    };
    const first = await push([v1(1, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null })]);
    // Its own later upsert is not a conflict although it never saw a version.
    const second = await push([v1(2, { birthDate: '1990-04-01' }), v1(3, { givenName: 'Only' })]);
    expect(first.results[0]?.status).toBe('applied');
    expect(second.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(second.results[0]?.conflicted).toBeUndefined();
    expect((await serverRecord(world.store, id))?.fields).toEqual({
      givenName: 'Only',
      familyName: 'Yusuf',
      birthDate: '1990-04-01',
    });
    const incomplete = await push([{ ...v1(4, { givenName: 'X' }), entityId: uuidv7() }]);
    expect(incomplete.results[0]).toMatchObject({ status: 'rejected', reason: 'incomplete_new_record' });
  });

  it('refuses a bad envelope: unsupported protocol 426, foreign deviceId 400, protocol 2 without clientId 400', async () => {
    const world = await syncWorld(getStore());
    const tablet = await world.kari();
    const old = await tablet.pushRaw([], { protocol: 99 });
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ error: { code: 'protocol_unsupported' } });
    expect((await tablet.pushRaw([], { deviceId: uuidv7() })).status).toBe(400);
    expect((await tablet.pushRaw([], { clientId: undefined })).status).toBe(400);
    expect((await tablet.pushRaw([], { clientId: 'not-a-uuid' })).status).toBe(400);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ id: uuidv7(), clientSeq: i + 1 }));
    expect((await tablet.pushRaw(tooMany)).status).toBe(400);
  });

  it('requires a device token', async () => {
    const world = await syncWorld(getStore());
    const { session } = await world.kari();
    const res = await postJson(world.app, '/api/sync/push', {
      protocol: 2,
      deviceId: session.deviceId,
      clientId: uuidv7(),
      mutations: [],
    });
    expect(res.status).toBe(401);
  });
});
