import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/client/db/database.ts';
import { countAuditEvents, recordAuditEvent } from '../../src/client/db/auditEvents.ts';
import { createApi } from '../../src/client/net/api.ts';
import { syncOnce } from '../../src/client/sync/syncOnce.ts';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { AuditEntry } from '../../src/protocol/audit.ts';
import { AuditEventsResponse } from '../../src/protocol/auditEvents.ts';
import { ApiErrorBody } from '../../src/protocol/errors.ts';
import { addUser } from '../../src/server/accounts.ts';
import { getWithToken, login, PASSWORD, postJson, seedWithAdmin } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

const AT = '2026-11-24T08:15:00.000Z';
const exported = (id = uuidv7()) => ({ id, at: AT, action: 'unsynced_exported', detail: { changes: 3 } });
const viewed = (recordId: string, id = uuidv7()) => ({
  id,
  at: AT,
  action: 'mapping_viewed',
  entity: 'mapping',
  recordId,
});

describe.each(storeCases())("the tablets' own audit events on $name", (storeCase) => {
  const getStore = useStore(storeCase);

  async function municipality() {
    const ctx = await seedWithAdmin(getStore());
    const send = (events: unknown, token = ctx.tablet.token) =>
      postJson(ctx.app, '/api/audit/events', typeof events === 'string' ? events : { events }, token);
    const trail = async () => {
      const res = await getWithToken(ctx.app, '/api/audit?limit=5000', ctx.admin.token);
      expect(res.status).toBe(200);
      return AuditEntry.array().parse(await res.json());
    };
    const rowsOf = (eventId: string) =>
      getStore().query<{ municipality_id: string; device_id: string; detail: unknown }>(
        'SELECT municipality_id, device_id, detail FROM audit_log WHERE event_id = $1',
        [eventId],
      );
    return { ...ctx, send, trail, rowsOf };
  }

  it('stores each event with the municipality, user and device of the token, and the tablet’s time', async () => {
    const { send, trail, tablet, username } = await municipality();
    const mappingId = uuidv7();
    const events = [
      exported(),
      viewed(mappingId),
      { id: uuidv7(), at: AT, action: 'weekly_list_downloaded', detail: { week: '2026-11-23', rows: 12 } },
      { id: uuidv7(), at: AT, action: 'app_locked', detail: { reason: 'idle' } },
    ];
    const res = await send(events);
    expect(res.status).toBe(200);
    expect(AuditEventsResponse.parse(await res.json()).acknowledged).toEqual(events.map((e) => e.id));

    const mine = (await trail()).filter((e) => e.deviceAt !== null);
    expect(mine).toHaveLength(4);
    for (const entry of mine) {
      expect(entry.user?.username).toBe(username);
      expect(entry.deviceId).toBe(tablet.deviceId);
      expect(entry.deviceAt).toBe(AT);
      // `at` is the server's: when it arrived, not the tablet's clock.
      expect(entry.at).not.toBe(AT);
    }
    expect(mine.find((e) => e.action === 'mapping_viewed')).toMatchObject({ entity: 'mapping', recordId: mappingId });
    expect(mine.find((e) => e.action === 'weekly_list_downloaded')?.detail).toEqual({ week: '2026-11-23', rows: 12 });
  });

  it('stores a retried event once, also when another sign-in of the tablet resends it', async () => {
    const { app, send, rowsOf, tablet, username, municipality: m } = await municipality();
    const event = exported();
    expect((await send([event])).status).toBe(200);
    const again = await send([event, event]);
    expect(again.status).toBe(200);
    expect(AuditEventsResponse.parse(await again.json()).acknowledged).toEqual([event.id, event.id]);
    // Signing in again enrols a new device: its resend is the same event, still stored once.
    const reSignedIn = await login(app, username);
    expect((await send([event], reSignedIn.token)).status).toBe(200);
    const rows = await rowsOf(event.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ municipality_id: m.id, device_id: tablet.deviceId });
  });

  it("never reaches another municipality: not by sending, not by reusing another's event id", async () => {
    const a = await municipality();
    const b = await municipality();
    const event = exported();
    expect((await a.send([event])).status).toBe(200);
    // B replays A's id: acknowledged (it learns nothing), but A's row stays A's and B stores nothing.
    expect((await b.send([event])).status).toBe(200);
    expect(await a.rowsOf(event.id)).toEqual([
      expect.objectContaining({ municipality_id: a.municipality.id, device_id: a.tablet.deviceId }),
    ]);
    const own = exported();
    expect((await b.send([own])).status).toBe(200);
    const seenByA = await a.trail();
    expect(seenByA.some((e) => e.user?.username === b.username)).toBe(false);
    expect((await b.trail()).filter((e) => e.deviceAt !== null)).toHaveLength(1);
  });

  it('refuses bad bodies with a 400 that names the field, stores nothing, and needs a device token', async () => {
    const { send, app, trail } = await municipality();
    const recordId = uuidv7();
    const bad: [string, unknown][] = [
      ['unknown action', [{ ...exported(), action: 'resident_deleted' }]],
      ['a value in the detail', [{ ...exported(), detail: { changes: 1, name: 'Amina Yusuf' } }]],
      [
        'a value in a code',
        [{ id: uuidv7(), at: AT, action: 'sheet_printed', entity: 'mapping', recordId, detail: { sheet: 'Amina' } }],
      ],
      ['who, from the body', [{ ...exported(), userId: uuidv7() }]],
      ['another entity', [{ ...viewed(recordId), entity: 'resident' }]],
      ['not a uuid', [viewed('Amina Yusuf')]],
      ['a negative count', [{ ...exported(), detail: { changes: -1 } }]],
      ['no time', [{ id: uuidv7(), action: 'app_unlocked' }]],
      ['none', []],
      ['too many', Array.from({ length: 101 }, () => exported())],
      ['not a list', { action: 'app_unlocked' }],
    ];
    for (const [why, events] of bad) {
      const res = await send(events);
      expect(res.status, why).toBe(400);
      const body = ApiErrorBody.parse(await res.json());
      expect(body.error.code, why).toBe('invalid_body');
      expect(body.error.issues?.length, why).toBeGreaterThan(0);
    }
    expect((await send('{not json')).status).toBe(400);
    expect((await postJson(app, '/api/audit/events', { events: [exported()] })).status).toBe(401);
    const stored = await trail();
    expect(stored.filter((e) => e.deviceAt !== null)).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain('Amina');
  });

  it('takes events from every role, while reading the log stays the administrator’s', async () => {
    const { app, municipality: m, send, trail } = await municipality();
    const username = `mottak.${m.id.slice(-8)}`;
    await addUser(getStore(), { municipalityId: m.id, username, password: PASSWORD, role: 'mottak' });
    const centre = await login(app, username);
    expect((await send([exported()], centre.token)).status).toBe(200);
    expect((await getWithToken(app, '/api/audit', centre.token)).status).toBe(403);
    expect((await trail()).some((e) => e.user?.username === username && e.action === 'unsynced_exported')).toBe(true);
  });

  it('the client sends its events with the sync and forgets them only once acknowledged', async () => {
    const { app, tablet, trail } = await municipality();
    const toApp: typeof fetch = (input, init) => Promise.resolve(app.request(String(input), init));
    const db = openDatabase(`audit-sync-${Math.random()}`);
    const mappingId = uuidv7();
    await recordAuditEvent(db, { action: 'mapping_viewed', entity: 'mapping', recordId: mappingId });
    await recordAuditEvent(db, {
      action: 'sheet_printed',
      entity: 'mapping',
      recordId: mappingId,
      detail: { sheet: 'imdi' },
    });

    // The server stores them but the answer is lost: the tablet keeps them and sends them again.
    const losing: typeof fetch = async (input, init) => {
      const res = await toApp(input, init);
      if (String(input).includes('audit/events')) throw new TypeError('connection reset');
      return res;
    };
    await expect(syncOnce({ db, session: tablet, api: createApi(losing) })).rejects.toThrow();
    expect(await countAuditEvents(db)).toBe(2);
    expect((await trail()).filter((e) => e.recordId === mappingId)).toHaveLength(2);

    expect(await syncOnce({ db, session: tablet, api: createApi(toApp) })).toMatchObject({ events: 2 });
    expect(await countAuditEvents(db)).toBe(0);
    const sent = (await trail()).filter((e) => e.recordId === mappingId);
    expect(sent.map((e) => e.action).sort()).toEqual(['mapping_viewed', 'sheet_printed']);
    expect(sent.find((e) => e.action === 'sheet_printed')?.detail).toEqual({ sheet: 'imdi' });
    await db.delete();
  });
});
