import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { AuditEntry } from '../../src/protocol/audit.ts';
import { postJson, seedWithAdmin, getWithToken } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('audit log on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function municipality() {
    const ctx = await seedWithAdmin(getStore());
    const { admin, tablet } = ctx;
    const get = (token: string, path: string) => getWithToken(ctx.app, path, token);
    const trail = async (query = '') => {
      const res = await get(admin.token, `/api/audit${query}`);
      expect(res.status).toBe(200);
      return AuditEntry.array().parse(await res.json());
    };
    return { ...ctx, admin, tablet, get, trail };
  }

  it('records sign-ins, changes (field names, never values), reads and settings, newest first', async () => {
    const { app, admin, tablet, get, trail, username } = await municipality();
    const id = uuidv7();
    await postJson(
      app,
      '/api/sync/push',
      {
        protocol: 2,
        deviceId: tablet.deviceId,
        clientId: uuidv7(),
        mutations: [
          {
            id: uuidv7(),
            clientSeq: 1,
            entity: 'resident',
            entityId: id,
            changes: { givenName: { value: 'Amina', baseVersion: 0 }, familyName: { value: 'Yusuf', baseVersion: 0 } },
          },
        ],
      },
      tablet.token,
    );
    await get(tablet.token, '/api/sync/pull?protocol=2&cursor=0');
    await get(tablet.token, `/api/records/resident/${id}/history`);
    await app.request('/api/settings', {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deadlineDays: 21 }),
    });

    const entries = await trail();
    const mine = entries.filter((e) => e.user?.username === username);
    expect(mine.map((e) => e.action)).toEqual(['history_viewed', 'records_pulled', 'record_changed', 'signed_in']);
    expect(mine.find((e) => e.action === 'record_changed')).toMatchObject({
      entity: 'resident',
      recordId: id,
      deviceId: tablet.deviceId,
      detail: { fields: ['familyName', 'givenName'] },
    });
    expect(JSON.stringify(entries)).not.toContain('Amina');
    expect(entries.find((e) => e.action === 'settings_changed')?.detail).toEqual({ deadlineDays: 21 });
    // Filters: by user and by action.
    expect((await trail(`?username=${username}&action=signed_in`)).map((e) => e.action)).toEqual(['signed_in']);
  });

  it('is for the administrator only, of their own municipality, and reading it is audited too', async () => {
    const a = await municipality();
    const b = await municipality();
    expect((await a.get(a.tablet.token, '/api/audit')).status).toBe(403);
    const seen = await a.trail();
    expect(seen.some((e) => e.user?.username === b.username)).toBe(false);
    expect((await a.trail('?action=audit_viewed')).length).toBeGreaterThanOrEqual(1);
    expect((await a.get(a.admin.token, '/api/audit?limit=0')).status).toBe(400);
  });

  it('exports CSV for Norwegian Excel: BOM, semicolons, a header row', async () => {
    const { admin, get } = await municipality();
    const res = await get(admin.token, '/api/audit?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kartlegg-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    // Response.text() would drop the byte-order mark: read the bytes.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFtidspunkt;handling;bruker;brukernavn;enhet;type;post;detaljer;enhetstid\r\n')).toBe(
      true,
    );
    expect(text).toContain(';signed_in;');
  });

  it('cannot be changed or deleted, even by the database user', async () => {
    const { trail } = await municipality();
    expect((await trail()).length).toBeGreaterThan(0);
    await expect(getStore().query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(getStore().query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
