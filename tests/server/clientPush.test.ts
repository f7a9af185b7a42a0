import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/client/db/database.ts';
import { countPending } from '../../src/client/db/outbox.ts';
import { addResident } from '../../src/client/db/residents.ts';
import { ApiRequestError } from '../../src/client/net/api.ts';
import { pushPending } from '../../src/client/sync/push.ts';
import { login, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

// The real client push code against the real server app, with fetch routed in-process.
describe.each(storeCases())('client push → server on $name', (storeCase) => {
  const getStore = useStore(storeCase);
  afterEach(() => vi.unstubAllGlobals());

  async function setup() {
    const { app, username } = await seed(getStore());
    const session = await login(app, username);
    const db = openDatabase(`push-${Math.random()}`);
    return { app, session, db };
  }

  it('drains the outbox in batches and the residents reach the server', async () => {
    const { app, session, db } = await setup();
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => app.request(input, init));
    const ids: string[] = [];
    for (let i = 0; i < 130; i++)
      ids.push((await addResident(db, { givenName: `G${i}`, familyName: 'F', birthDate: null })).id);
    expect(await pushPending(db, session)).toBe(130);
    expect(await countPending(db)).toBe(0);
    const rows = await getStore().query<{ id: string }>('SELECT id FROM residents WHERE id = ANY($1::uuid[])', [ids]);
    expect(rows).toHaveLength(130);
    await db.delete();
  });

  it('keeps every outbox row when the network fails', async () => {
    const { session, db } = await setup();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await addResident(db, { givenName: 'A', familyName: 'B', birthDate: null });
    const err = await pushPending(db, session).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).offline).toBe(true);
    expect(await countPending(db)).toBe(1);
    await db.delete();
  });

  it('keeps the outbox on 401 (revoked device)', async () => {
    const { app, session, db } = await setup();
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => app.request(input, init));
    await app.request('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.token}` } });
    await addResident(db, { givenName: 'A', familyName: 'B', birthDate: null });
    await expect(pushPending(db, session)).rejects.toMatchObject({ status: 401 });
    expect(await countPending(db)).toBe(1);
    await db.delete();
  });
});
