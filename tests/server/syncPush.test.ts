import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import { login, postJson, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

function mutation(clientSeq: number, entityId: string, fields: Record<string, unknown>) {
  return { id: uuidv7(), clientSeq, entity: 'resident', entityId, op: 'upsert', fields };
}

describe.each(storeCases())('sync push on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function setup() {
    const store = getStore();
    const ctx = await seed(store);
    const session = await login(ctx.app, ctx.username);
    const push = async (mutations: unknown[], protocol = 1) => {
      const res = await postJson(
        ctx.app,
        '/api/sync/push',
        { protocol, deviceId: session.deviceId, mutations },
        session.token,
      );
      return { status: res.status, body: (await res.json()) as unknown };
    };
    return { ...ctx, store, session, push };
  }

  it('applies field changes, stamps municipality versions and records lastClientSeq', async () => {
    const { push, store, municipality } = await setup();
    const id = uuidv7();
    const first = await push([mutation(1, id, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null })]);
    expect(first.status).toBe(200);
    const second = PushResponse.parse((await push([mutation(2, id, { birthDate: '1990-04-01' })])).body);
    expect(second.lastClientSeq).toBe(2);
    const [row] = await store.query<{ data: unknown; version: number; municipality_id: string }>(
      'SELECT data, version, municipality_id FROM residents WHERE id = $1',
      [id],
    );
    expect(row?.data).toEqual({ givenName: 'Amina', familyName: 'Yusuf', birthDate: '1990-04-01' });
    expect(row?.municipality_id).toBe(municipality.id);
    expect(Number(row?.version)).toBe(second.results[0]?.version);
    expect(second.results[0]?.version).toBeGreaterThan(PushResponse.parse(first.body).results[0]?.version ?? Infinity);
  });

  it('is idempotent: a resent mutation returns the stored result and changes nothing', async () => {
    const { push, store } = await setup();
    const m = mutation(1, uuidv7(), { givenName: 'Ali', familyName: 'Karimi' });
    const once = PushResponse.parse((await push([m])).body);
    const twice = PushResponse.parse((await push([m])).body);
    expect(twice.results).toEqual(once.results);
    const rows = await store.query('SELECT 1 FROM mutations WHERE id = $1', [m.id]);
    expect(rows).toHaveLength(1);
  });

  it('stores an invalid mutation as rejected, acknowledges it, and applies the rest of the batch', async () => {
    const { push, store } = await setup();
    const good = mutation(2, uuidv7(), { givenName: 'Sara', familyName: 'Haile' });
    const bad = { id: uuidv7(), clientSeq: 1, entity: 'spaceship', fields: {} };
    const incomplete = mutation(3, uuidv7(), { givenName: 'Only' });
    const res = PushResponse.parse((await push([bad, good, incomplete])).body);
    expect(res.results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid'],
      ['applied', undefined],
      ['rejected', 'incomplete_new_record'],
    ]);
    const kept = await store.query<{ status: string }>('SELECT status FROM mutations WHERE id = $1', [bad.id]);
    expect(kept).toEqual([{ status: 'rejected' }]);
  });

  it("never touches another municipality's resident", async () => {
    const a = await setup();
    const b = await setup();
    const id = uuidv7();
    await a.push([mutation(1, id, { givenName: 'Hidden', familyName: 'Person' })]);
    const res = PushResponse.parse((await b.push([mutation(1, id, { givenName: 'Overwritten' })])).body);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'not_found' });
    const [row] = await a.store.query<{ data: { givenName: string } }>('SELECT data FROM residents WHERE id = $1', [
      id,
    ]);
    expect(row?.data.givenName).toBe('Hidden');
  });

  it('refuses an unsupported protocol with 426 and a deviceId that is not the token’s with 400', async () => {
    const { push, app, session } = await setup();
    const old = await push([], 99);
    expect(old.status).toBe(426);
    expect(old.body).toMatchObject({ error: { code: 'protocol_unsupported' } });
    const res = await postJson(
      app,
      '/api/sync/push',
      { protocol: 1, deviceId: uuidv7(), mutations: [] },
      session.token,
    );
    expect(res.status).toBe(400);
  });

  it('requires a device token', async () => {
    const { app, session } = await setup();
    const res = await postJson(app, '/api/sync/push', { protocol: 1, deviceId: session.deviceId, mutations: [] });
    expect(res.status).toBe(401);
  });
});
