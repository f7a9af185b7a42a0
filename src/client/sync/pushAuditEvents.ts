import {
  AUDIT_EVENTS_MAX,
  AuditEventsResponse,
  DeviceAuditEvent,
  type AuditEventsRequest,
} from '../../protocol/auditEvents.ts';
import { pendingAuditEvents, removeAuditEvents } from '../db/auditEvents.ts';
import type { AuditEventRow } from '../db/index.ts';
import type { SyncTarget } from './syncTarget.ts';

/**
 * Sends the tablet's own audit events, oldest first, in batches, and forgets each only after the
 * server acknowledged it (a lost answer means a resend, which the server stores once). A network or
 * HTTP error stops and propagates, like the outbox push. Returns how many were acknowledged.
 */
export async function pushAuditEvents({ db, session, api }: SyncTarget): Promise<number> {
  let acknowledged = 0;
  for (;;) {
    const rows = await pendingAuditEvents(db, AUDIT_EVENTS_MAX);
    // Checked here with the server's own schema: one event the server would refuse must not block
    // every later one (and the sync with them). Such an event stays on the tablet, unsent.
    const events = rows.flatMap((row) => {
      const parsed = DeviceAuditEvent.safeParse(toEvent(row));
      return parsed.success ? [parsed.data] : [];
    });
    if (events.length === 0) break;
    const request: AuditEventsRequest = { events };
    const response = await api('audit/events', AuditEventsResponse, {
      method: 'POST',
      body: request,
      token: session.token,
    });
    const sent = new Set(events.map((e) => e.id));
    const done = response.acknowledged.filter((id) => sent.has(id));
    await removeAuditEvents(db, done);
    acknowledged += done.length;
    // Nothing acknowledged, or the last (short) batch: stop rather than loop; the next sync goes on.
    if (done.length === 0 || rows.length < AUDIT_EVENTS_MAX) break;
  }
  return acknowledged;
}

function toEvent({ at, ...event }: AuditEventRow): unknown {
  return { ...event, at: new Date(at).toISOString() };
}
