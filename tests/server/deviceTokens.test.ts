import { describe, expect, it } from 'vitest';
import { findDeviceByToken } from '../../src/server/auth/deviceTokens.ts';
import { prepared } from '../../src/server/store/store.ts';
import { login, postJson, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('device tokens on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  const lastSeen = async (deviceId: string) => {
    const [row] = await getStore().query<{ last_seen_at: Date | string | null }>(
      'SELECT last_seen_at FROM devices WHERE id = $1',
      [deviceId],
    );
    return row?.last_seen_at ? new Date(row.last_seen_at).getTime() : null;
  };
  const setLastSeen = (deviceId: string, ago: string) =>
    getStore().query(`UPDATE devices SET last_seen_at = now() - $2::interval WHERE id = $1`, [deviceId, ago]);

  it('writes last_seen_at at most once a minute, not on every request', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    const session = await login(app, username);

    await setLastSeen(session.deviceId, '30 seconds');
    const recent = await lastSeen(session.deviceId);
    expect(await findDeviceByToken(store, session.token)).toMatchObject({ deviceId: session.deviceId });
    expect(await lastSeen(session.deviceId)).toBe(recent);

    await setLastSeen(session.deviceId, '2 minutes');
    const stale = await lastSeen(session.deviceId);
    expect(await findDeviceByToken(store, session.token)).toMatchObject({ deviceId: session.deviceId });
    const touched = await lastSeen(session.deviceId);
    expect(touched).toBeGreaterThan((stale ?? 0) + 60_000);
  });

  it('still refuses a revoked token at once, and an unknown one', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    const session = await login(app, username);
    expect(await findDeviceByToken(store, session.token)).not.toBeNull();
    expect((await postJson(app, '/api/auth/logout', {}, session.token)).status).toBe(204);
    expect(await findDeviceByToken(store, session.token)).toBeNull();
    expect(await findDeviceByToken(store, 'x'.repeat(43))).toBeNull();
  });
});

describe('prepared statements', () => {
  it('refuse a second text under one name', () => {
    prepared('test_one_name', 'SELECT 1');
    expect(() => prepared('test_one_name', 'SELECT 1')).not.toThrow();
    expect(() => prepared('test_one_name', 'SELECT 2')).toThrow(/two texts/);
  });
});

describe.each(storeCases())('prepared statements on $name', (storeCase) => {
  const getStore = useStore(storeCase);
  const echo = prepared(
    'test_echo',
    `SELECT $1::text AS t, $2::int AS n, $3::jsonb AS j, $4::text[] AS a, $5::text AS missing, $6::bigint AS big`,
  );

  it('bind values as a plain query does, in and out of a transaction', async () => {
    const store = getStore();
    const params = ['tekst', 7, JSON.stringify({ a: [1, 'to'] }), ['x', 'y,z', 'æ"ø'], null, 2 ** 40];
    const plain = await store.query(echo.text, params);
    for (let i = 0; i < 7; i++) expect(await store.query(echo, params)).toEqual(plain);
    expect(await store.transaction((tx) => tx.query(echo, params))).toEqual(plain);
    expect(plain).toEqual([
      { t: 'tekst', n: 7, j: { a: [1, 'to'] }, a: ['x', 'y,z', 'æ"ø'], missing: null, big: 2 ** 40 },
    ]);
  });

  it('fail like a plain query and leave the connection usable', async () => {
    const store = getStore();
    const failing = prepared('test_failing', 'SELECT 1 / $1::int AS q');
    await expect(store.query(failing, [0])).rejects.toMatchObject({ code: '22012' });
    expect(await store.query(failing, [1])).toEqual([{ q: 1 }]);
    await expect(store.transaction((tx) => tx.query(failing, [0]))).rejects.toMatchObject({ code: '22012' });
    expect(await store.transaction((tx) => tx.query(failing, [1]))).toEqual([{ q: 1 }]);
  });
});
