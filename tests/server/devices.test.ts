import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { AuditEntry } from '../../src/protocol/audit.ts';
import { DeviceList } from '../../src/protocol/devices.ts';
import { ApiErrorBody } from '../../src/protocol/errors.ts';
import { postJson, seedWithAdmin, getWithToken } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('devices on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function municipality() {
    const ctx = await seedWithAdmin(getStore());
    const { admin, tablet } = ctx;
    const as = (token: string) => ({
      get: (path: string) => getWithToken(ctx.app, path, token),
      post: (path: string) => postJson(ctx.app, path, {}, token),
    });
    const pullStatus = async (token: string) => (await as(token).get('/api/sync/pull?protocol=2&cursor=0')).status;
    return { ...ctx, admin, tablet, as, pullStatus };
  }

  it('lists every sign-in of the municipality for the administrator, and nobody else', async () => {
    const a = await municipality();
    const b = await municipality();
    const res = await a.as(a.admin.token).get('/api/devices');
    expect(res.status).toBe(200);
    const devices = DeviceList.parse(await res.json());
    expect(devices.map((d) => d.id).sort()).toEqual([a.admin.deviceId, a.tablet.deviceId].sort());
    expect(devices.find((d) => d.id === a.tablet.deviceId)).toMatchObject({
      user: { name: 'Kari Kartlegger', username: a.username },
      revokedAt: null,
      wipeRequestedAt: null,
    });
    expect(JSON.stringify(devices)).not.toContain(a.tablet.token);
    expect((await a.as(a.tablet.token).get('/api/devices')).status).toBe(403);
    // Another municipality's device is not there, and cannot be revoked or wiped from here.
    expect((await a.as(a.admin.token).post(`/api/devices/${b.tablet.deviceId}/revoke`)).status).toBe(404);
    expect((await a.as(a.admin.token).post(`/api/devices/${b.tablet.deviceId}/wipe`)).status).toBe(404);
    expect((await a.as(a.admin.token).post('/api/devices/not-an-id/revoke')).status).toBe(404);
    expect(await b.pullStatus(b.tablet.token)).toBe(200);
  });

  it('a revoked device is refused at once', async () => {
    const { admin, tablet, as, pullStatus } = await municipality();
    expect(await pullStatus(tablet.token)).toBe(200);
    expect((await as(admin.token).post(`/api/devices/${tablet.deviceId}/revoke`)).status).toBe(204);
    expect(await pullStatus(tablet.token)).toBe(401);
    const [listed] = DeviceList.parse(await (await as(admin.token).get('/api/devices')).json()).filter(
      (d) => d.id === tablet.deviceId,
    );
    expect(listed?.revokedAt).not.toBeNull();
  });

  it('a device ordered emptied is told so on every route until it confirms; then it is signed out', async () => {
    const { app, admin, tablet, as, pullStatus } = await municipality();
    expect((await as(admin.token).post(`/api/devices/${tablet.deviceId}/wipe`)).status).toBe(204);
    const refused = await as(tablet.token).get('/api/sync/pull?protocol=2&cursor=0');
    expect(refused.status).toBe(410);
    expect(ApiErrorBody.parse(await refused.json()).error.code).toBe('wipe_requested');
    expect((await as(tablet.token).get('/api/settings')).status).toBe(410);
    expect((await as(tablet.token).get('/api/audit')).status).toBe(410);
    // Its own audit events it still sends, just before it empties itself: what it did before it was lost.
    const event = { id: uuidv7(), at: '2026-11-24T08:15:00.000Z', action: 'unsynced_exported', detail: { changes: 2 } };
    expect((await postJson(app, '/api/audit/events', { events: [event] }, tablet.token)).status).toBe(200);
    const trail = AuditEntry.array().parse(
      await (await as(admin.token).get('/api/audit?action=unsynced_exported')).json(),
    );
    expect(trail.map((e) => [e.deviceId, e.deviceAt])).toEqual([[tablet.deviceId, event.at]]);
    expect((await as(tablet.token).post('/api/auth/wiped')).status).toBe(204);
    expect((await postJson(app, '/api/audit/events', { events: [event] }, tablet.token)).status).toBe(401);
    expect(await pullStatus(tablet.token)).toBe(401);
    const [listed] = DeviceList.parse(await (await as(admin.token).get('/api/devices')).json()).filter(
      (d) => d.id === tablet.deviceId,
    );
    expect(listed?.wipedAt).not.toBeNull();
    expect(listed?.revokedAt).not.toBeNull();
    // The administrator's own device is untouched.
    expect(await pullStatus(admin.token)).toBe(200);
  });
});
