import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/client/db/database.ts';
import { recordChange } from '../../src/client/db/changes.ts';
import { countPending } from '../../src/client/db/outbox.ts';
import { addResident, listResidents } from '../../src/client/db/residents.ts';
import { ApiRequestError, createApi } from '../../src/client/net/api.ts';
import { syncOnce } from '../../src/client/sync/syncOnce.ts';
import type { SyncTarget } from '../../src/client/sync/syncTarget.ts';
import { addUser } from '../../src/server/accounts.ts';
import { updateSettings } from '../../src/server/settings.ts';
import { deadlineDays } from '../../src/client/db/rosterImport.ts';
import { login, PASSWORD, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

// The real client sync code against the real server app, with fetch routed in-process.
describe.each(storeCases())('client sync ↔ server on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function setup() {
    const { app, username, municipality } = await seed(getStore());
    const toApp: typeof fetch = (input, init) => Promise.resolve(app.request(String(input), init));
    const tablet = async (user: string) => {
      const session = await login(app, user);
      const target: SyncTarget = { db: openDatabase(`sync-${Math.random()}`), session, api: createApi(toApp) };
      return target;
    };
    return { app, username, municipality, tablet };
  }

  it('drains the outbox in batches and another tablet pulls every resident', async () => {
    const { username, tablet } = await setup();
    const a = await tablet(username);
    const b = await tablet(username);
    for (let i = 0; i < 130; i++) await addResident(a.db, { givenName: `G${i}`, familyName: 'F', birthDate: null });
    expect(await syncOnce(a)).toMatchObject({ pushed: 130 });
    expect(await countPending(a.db)).toBe(0);
    expect(await syncOnce(b)).toMatchObject({ pulled: 130 });
    expect(await listResidents(b.db)).toHaveLength(130);
  });

  it("keeps the municipality's deadline days from the last pull, for imports offline", async () => {
    const { username, municipality, tablet } = await setup();
    const a = await tablet(username);
    expect(await deadlineDays(a.db)).toBe(14);
    await updateSettings(getStore(), municipality.id, { deadlineDays: 10 });
    await syncOnce(a);
    expect(await deadlineDays(a.db)).toBe(10);
  });

  it('merges edits to different fields and turns a clash on one field into a conflict on both tablets', async () => {
    const { username, municipality, tablet } = await setup();
    await addUser(getStore(), {
      municipalityId: municipality.id,
      username: `${username}.2`,
      password: PASSWORD,
      role: 'kartlegger',
      name: 'Ola Kartlegger',
    });
    const a = await tablet(username);
    const b = await tablet(`${username}.2`);
    const id = await addResident(a.db, { givenName: 'Amina', familyName: 'Yusuf', birthDate: null });
    await syncOnce(a);
    await syncOnce(b);
    await recordChange(a.db, 'resident', id, { givenName: 'Aminah', birthDate: '1990-01-02' });
    await recordChange(b.db, 'resident', id, { givenName: 'Amina M.', familyName: 'Yusuf-Ali' });
    await syncOnce(a);
    await syncOnce(b);
    await syncOnce(a);
    for (const t of [a, b]) {
      expect(await t.db.residents.get(id)).toMatchObject({
        givenName: 'Aminah',
        familyName: 'Yusuf-Ali',
        birthDate: '1990-01-02',
      });
      const [conflict, ...more] = await t.db.conflicts.where('status').equals('open').toArray();
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({ field: 'givenName', base: 'Amina', theirs: 'Aminah', mine: 'Amina M.' });
      expect(conflict?.mineBy).toBe('Ola Kartlegger');
    }
  });

  it('keeps the outbox on a network failure and on 401 (revoked device)', async () => {
    const { app, username, tablet } = await setup();
    const a = await tablet(username);
    await addResident(a.db, { givenName: 'A', familyName: 'B', birthDate: null });
    const offline = { ...a, api: createApi(() => Promise.reject(new TypeError('Failed to fetch'))) };
    await expect(syncOnce(offline)).rejects.toMatchObject({ status: 0 });
    await app.request('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${a.session.token}` } });
    const err = await syncOnce(a).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).status).toBe(401);
    expect(await countPending(a.db)).toBe(1);
    // Signing in again gives a new device token; the same client's outbox then goes through.
    const again = { ...a, session: await login(app, username) };
    await syncOnce(again);
    expect(await countPending(a.db)).toBe(0);
  });
});
