import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SEALED } from '../../../src/client/crypto/clearFields.ts';
import { countAuditEvents, pendingAuditEvents, recordAuditEvent } from '../../../src/client/db/auditEvents.ts';
import { openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { ApiRequestError, type ApiRequester } from '../../../src/client/net/api.ts';
import { pushAuditEvents } from '../../../src/client/sync/pushAuditEvents.ts';
import { uuidv7 } from '../../../src/domain/uuidv7.ts';
import { AuditEventsRequest, DEVICE_AUDIT_ACTIONS, DeviceAuditEvent } from '../../../src/protocol/auditEvents.ts';
import { asText, rawRows } from '../crypto/rawRows.ts';

let db: KartleggDb;
let n = 0;
afterEach(() => db.delete());
const fresh = () => (db = openDatabase(`audit-events-${n++}`));
const session = { token: 't'.repeat(40), deviceId: uuidv7() };

/** A server that stores what it gets and acknowledges the ids it is told to (all, by default). */
function fakeServer(acknowledge: (ids: string[]) => string[] = (ids) => ids) {
  const received: unknown[] = [];
  const api = (async (path: string, _schema: unknown, options?: { body?: unknown }) => {
    expect(path).toBe('audit/events');
    const { events } = AuditEventsRequest.parse(options?.body);
    received.push(...events);
    return { acknowledged: acknowledge(events.map((e) => e.id)) };
  }) as ApiRequester;
  return { api, received };
}

describe("the tablet's own audit events in IndexedDB", () => {
  it('are sealed: only the id and the time stay in clear', async () => {
    fresh();
    const recordId = uuidv7();
    await recordAuditEvent(db, { action: 'sheet_printed', entity: 'mapping', recordId, detail: { sheet: 'resident' } });
    const [raw, ...more] = (await rawRows(db, ['auditEvents'])).auditEvents as Record<string, unknown>[];
    expect(more).toEqual([]);
    expect(Object.keys(raw!).sort()).toEqual([SEALED, 'at', 'id'].sort());
    const text = asText(raw);
    for (const secret of ['sheet_printed', recordId, 'resident', 'mapping']) expect(text).not.toContain(secret);
    // Read back through the key, whole.
    expect(await pendingAuditEvents(db, 10)).toEqual([
      expect.objectContaining({ action: 'sheet_printed', entity: 'mapping', recordId, detail: { sheet: 'resident' } }),
    ]);
  });

  it('are sent oldest first and removed only once the server acknowledged them', async () => {
    fresh();
    const t0 = Date.parse('2026-11-24T08:00:00Z');
    const first = await recordAuditEvent(db, { action: 'app_unlocked' }, t0);
    const second = await recordAuditEvent(db, { action: 'unsynced_exported', detail: { changes: 2 } }, t0 + 1000);
    // Only the first acknowledged: the second stays for the next sync.
    const partly = fakeServer((ids) => ids.slice(0, 1));
    expect(await pushAuditEvents({ db, session, api: partly.api })).toBe(1);
    expect(partly.received).toEqual([
      { id: first.id, at: '2026-11-24T08:00:00.000Z', action: 'app_unlocked' },
      { id: second.id, at: '2026-11-24T08:00:01.000Z', action: 'unsynced_exported', detail: { changes: 2 } },
    ]);
    expect((await pendingAuditEvents(db, 10)).map((e) => e.id)).toEqual([second.id]);
    // A failed send keeps everything.
    const failing = (() => Promise.reject(new ApiRequestError(0, 'offline', 'offline'))) as ApiRequester;
    await expect(pushAuditEvents({ db, session, api: failing })).rejects.toThrow();
    expect(await countAuditEvents(db)).toBe(1);
    // An id the server "acknowledges" that was not sent removes nothing else.
    const other = await recordAuditEvent(db, { action: 'app_locked', detail: { reason: 'button' } }, t0 + 2000);
    expect(await pushAuditEvents({ db, session, api: fakeServer(() => [uuidv7(), second.id]).api })).toBe(1);
    expect((await pendingAuditEvents(db, 10)).map((e) => e.id)).toEqual([other.id]);
  });

  it('sends in batches of at most 100, and keeps (unsent) an event the server would refuse', async () => {
    fresh();
    for (let i = 0; i < 150; i++) await recordAuditEvent(db, { action: 'app_unlocked' }, 1_700_000_000_000 + i);
    await db.auditEvents.add({ id: uuidv7(1_600_000_000_000), at: 0, action: 'no_such_action' } as never);
    const server = fakeServer();
    expect(await pushAuditEvents({ db, session, api: server.api })).toBe(150);
    expect(server.received).toHaveLength(150);
    expect(await countAuditEvents(db)).toBe(1);
  });

  it('has a strict shape for every action the protocol lists', () => {
    const shaped = DeviceAuditEvent.options.map((o) => o.shape.action.value);
    expect([...shaped].sort()).toEqual([...DEVICE_AUDIT_ACTIONS].sort());
  });
});
