import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { RecordHistoryResponse } from '../../src/protocol/history.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import { login, postJson, seed, getWithToken } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('record history on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function mapper() {
    const ctx = await seed(getStore());
    const session = await login(ctx.app, ctx.username);
    const clientId = uuidv7();
    let seq = 0;
    const push = async (entityId: string, values: Record<string, unknown>, baseVersion = 0) => {
      const changes = Object.fromEntries(Object.entries(values).map(([f, value]) => [f, { value, baseVersion }]));
      const mutation = { id: uuidv7(), clientSeq: ++seq, entity: 'resident', entityId, changes };
      const res = await postJson(
        ctx.app,
        '/api/sync/push',
        { protocol: 2, deviceId: session.deviceId, clientId, mutations: [mutation] },
        session.token,
      );
      return PushResponse.parse(await res.json()).results[0];
    };
    const history = (path: string, token = session.token) =>
      getWithToken(ctx.app, `/api/records/${path}/history`, token);
    return { ...ctx, session, push, history };
  }

  it('lists every value applied to each field, with its version and the name of its writer', async () => {
    const { push, history } = await mapper();
    const id = uuidv7();
    const created = await push(id, { givenName: 'Amina', familyName: 'Yusuf' });
    const edited = await push(id, { givenName: 'Aminah' }, created?.version);
    const res = await history(`resident/${id}`);
    expect(res.status).toBe(200);
    const entries = RecordHistoryResponse.parse(await res.json());
    expect(entries.map(({ field, value, version, by }) => ({ field, value, version, by }))).toEqual([
      { field: 'familyName', value: 'Yusuf', version: created?.version, by: 'Kari Kartlegger' },
      { field: 'givenName', value: 'Amina', version: created?.version, by: 'Kari Kartlegger' },
      { field: 'givenName', value: 'Aminah', version: edited?.version, by: 'Kari Kartlegger' },
    ]);
    expect(Number.isNaN(Date.parse(entries[0]?.at ?? ''))).toBe(false);
  });

  it("does not show another municipality's record: the same 404 as a missing one", async () => {
    const a = await mapper();
    const b = await mapper();
    const id = uuidv7();
    await a.push(id, { givenName: 'Ali', familyName: 'Karimi' });
    const foreign = await a.history(`resident/${id}`, b.session.token);
    expect(foreign.status).toBe(404);
    const missing = await a.history(`resident/${uuidv7()}`);
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
  });

  it('answers 404 for another entity, an unknown entity or a malformed id, and 401 without a token', async () => {
    const { push, history } = await mapper();
    const id = uuidv7();
    await push(id, { givenName: 'Sara', familyName: 'Haile' });
    expect((await history(`mapping/${id}`)).status).toBe(404);
    expect((await history(`spaceship/${id}`)).status).toBe(404);
    expect((await history('resident/not-a-uuid')).status).toBe(404);
    expect((await history(`resident/${id}`, 'x'.repeat(43))).status).toBe(401);
  });
});
