import { describe, expect, it } from 'vitest';
import { MunicipalitySettings } from '../../src/protocol/settings.ts';
import { PullResponse } from '../../src/protocol/sync.ts';
import { seedWithAdmin, getWithToken } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

const DEFAULTS = { deadlineDays: 14, tabletPurgeDays: 14, retentionDays: 365, autoLockMinutes: 5 };

describe.each(storeCases())('municipality settings on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function municipality() {
    const ctx = await seedWithAdmin(getStore());
    const { tablet: mapper } = ctx;
    const request = (token: string, method: 'GET' | 'PUT' = 'GET', body?: unknown) =>
      ctx.app.request('/api/settings', {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const pull = async (token: string) => {
      const res = await getWithToken(ctx.app, '/api/sync/pull?protocol=2&cursor=0&limit=10', token);
      return PullResponse.parse(await res.json());
    };
    return { ...ctx, mapper, request, pull };
  }

  it('start at their defaults, and every pull carries them', async () => {
    const { mapper, request, pull } = await municipality();
    const res = await request(mapper.token);
    expect(res.status).toBe(200);
    expect(MunicipalitySettings.parse(await res.json())).toEqual(DEFAULTS);
    expect((await pull(mapper.token)).settings).toEqual(DEFAULTS);
  });

  it('are changed by an administrator, for every tablet of that municipality only', async () => {
    const a = await municipality();
    const b = await municipality();
    const res = await a.request(a.admin.token, 'PUT', { deadlineDays: 21 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...DEFAULTS, deadlineDays: 21 });
    expect((await a.pull(a.mapper.token)).settings).toEqual({ ...DEFAULTS, deadlineDays: 21 });
    expect((await b.pull(b.mapper.token)).settings).toEqual(DEFAULTS);
    // A setting left out of a change keeps its value.
    const more = await a.request(a.admin.token, 'PUT', { tabletPurgeDays: 0, retentionDays: 730, autoLockMinutes: 2 });
    const changed = { deadlineDays: 21, tabletPurgeDays: 0, retentionDays: 730, autoLockMinutes: 2 };
    expect(await more.json()).toEqual(changed);
    expect((await a.pull(a.mapper.token)).settings).toEqual(changed);
  });

  it('refuse a mapper (403) and out-of-range or unknown settings (400), changing nothing', async () => {
    const { mapper, admin, request } = await municipality();
    const forbidden = await request(mapper.token, 'PUT', { deadlineDays: 21 });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    for (const body of [
      { deadlineDays: 366 },
      { deadlineDays: -1 },
      { deadlineDays: 1.5 },
      { colour: 'red' },
      { tabletPurgeDays: 366 },
      { tabletPurgeDays: -1 },
      { retentionDays: 29 },
      { retentionDays: 3651 },
      { autoLockMinutes: 0 },
      { autoLockMinutes: 61 },
    ]) {
      const res = await request(admin.token, 'PUT', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await (await request(mapper.token)).json()).toEqual(DEFAULTS);
    expect((await request('x'.repeat(40))).status).toBe(401);
  });
});
